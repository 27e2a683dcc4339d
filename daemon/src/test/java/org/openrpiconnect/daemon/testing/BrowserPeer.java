package org.openrpiconnect.daemon.testing;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import org.openrpiconnect.daemon.session.ConnectionPath;
import org.openrpiconnect.daemon.session.Descriptions;
import org.openrpiconnect.daemon.session.IceConfig;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.session.IceServer;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.openrpiconnect.protocol.session.ShellChannel;
import org.openrpiconnect.protocol.session.ShellControl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser stand-in for tests and benchmarks: a webrtc-java peer that does what the dashboard's shell page does
 * (creates the "shell" data channel, offers, trickles candidates through the cloud's event socket relay, types,
 * resizes, reads the terminal) against a device linked to a {@link FakeCloud}.
 */
public final class BrowserPeer implements AutoCloseable {
    /** The ICE setup of an offer: the servers both sides use and the transport policy. */
    public record Ice(List<IceServer> servers, String policy) {
        public static Ice hostOnly() {
            return new Ice(List.of(), SessionSignal.POLICY_ALL);
        }

        public static Ice relayOnly(IceServer turn) {
            return new Ice(List.of(turn), SessionSignal.POLICY_RELAY);
        }
    }

    private static final int KEEP_OUTPUT_CHARS = 256 * 1024;
    private static PeerConnectionFactory factory;

    private final FakeCloud cloud;
    private final String deviceId;
    private final String sessionId;
    private final Ice ice;
    private final ExecutorService signalling;
    private final RTCPeerConnection pc;
    private final RTCDataChannel channel;
    private final Consumer<SessionSignal> listener = this::fromDevice;
    private final List<RTCIceCandidate> early = new ArrayList<>();
    private boolean answered;
    private final CompletableFuture<Void> open = new CompletableFuture<>();
    private final CompletableFuture<Void> channelClosed = new CompletableFuture<>();
    private final CompletableFuture<SessionSignal> closed = new CompletableFuture<>();
    private final CompletableFuture<SessionSignal> answer = new CompletableFuture<>();
    private final BlockingQueue<ShellControl> controls = new LinkedBlockingQueue<>();
    private final StringBuilder output = new StringBuilder();
    private final AtomicLong received = new AtomicLong();
    private volatile Consumer<byte[]> outputListener;
    private volatile boolean keepText = true;
    private volatile long offerStartedNanos;
    private volatile long firstByteNanos;
    private volatile long promptNanos;
    private boolean closedByUs;

    /** One factory for every peer of this JVM (as a browser has one WebRTC stack for all its tabs). */
    public static synchronized PeerConnectionFactory factory() {
        if (factory == null) factory = new PeerConnectionFactory(new HeadlessAudioDeviceModule());
        return factory;
    }

    private BrowserPeer(FakeCloud cloud, String deviceId, String sessionId, Ice ice) {
        this.cloud = cloud;
        this.deviceId = deviceId;
        this.sessionId = sessionId;
        this.ice = ice;
        this.signalling = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "browser-" + sessionId);
            t.setDaemon(true);
            return t;
        });
        this.pc = factory().createPeerConnection(configuration(ice), new PeerEvents());
        this.channel = pc.createDataChannel(ShellChannel.LABEL, new RTCDataChannelInit());
        this.channel.registerObserver(new ChannelEvents());
    }

    /** Creates the channel and sends the offer; returns at once (see {@link #awaitOpen}). */
    public static BrowserPeer offer(FakeCloud cloud, String deviceId, String sessionId, Ice ice) throws Exception {
        BrowserPeer peer = new BrowserPeer(cloud, deviceId, sessionId, ice);
        cloud.onSignalFromDevice(peer.listener);
        peer.offerStartedNanos = System.nanoTime();
        RTCSessionDescription offer = peer.createOffer();
        // Queued before gathering starts, so the offer goes out before any candidate (as the contract asks).
        peer.signalling.execute(() -> peer.sendToDevice(SessionSignal.offer(sessionId, SessionSignal.KIND_SHELL,
                offer.sdp, ice.servers(), ice.policy())));
        peer.setLocal(offer);
        return peer;
    }

    /** Offers and waits until the shell channel is open. */
    public static BrowserPeer connect(FakeCloud cloud, String deviceId, String sessionId, Ice ice) throws Exception {
        return offer(cloud, deviceId, sessionId, ice).awaitOpen(Duration.ofSeconds(20));
    }

    public String sessionId() {
        return sessionId;
    }

    public BrowserPeer awaitOpen(Duration timeout) throws Exception {
        CompletableFuture.anyOf(open, closed).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!open.isDone()) throw new AssertionError("session " + sessionId + " refused: " + closed.getNow(null));
        return this;
    }

    // ---- the terminal -----------------------------------------------------------------------------------------

    public void type(String keys) throws Exception {
        sendBinary(keys.getBytes(StandardCharsets.UTF_8));
    }

    public void sendBinary(byte[] data) throws Exception {
        while (channel.getBufferedAmount() > (1 << 20)) LockSupport.parkNanos(1_000_000);
        channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(data), true));
    }

    public void sendText(String text) throws Exception {
        channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), false));
    }

    /** Opens another data channel next to the shell's (the contract allows one). */
    public void openExtraChannel(String label) {
        pc.createDataChannel(label, new RTCDataChannelInit());
    }

    public void resize(int cols, int rows) throws Exception {
        sendText(Json.write(ShellControl.resize(cols, rows)));
    }

    /** Waits until the terminal output (as text) matches; returns the match. */
    public Matcher awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (output) {
                Matcher m = pattern.matcher(output);
                if (m.find()) return m;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no " + pattern + " in the terminal within " + timeout
                        + "; it shows:\n" + output);
                output.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** Bytes of terminal output received so far. */
    public long received() {
        return received.get();
    }

    /** Nanos from the start of the offer to the first terminal byte (0 while none came). */
    public long openNanos() {
        long first = firstByteNanos;
        return first == 0 ? 0 : first - offerStartedNanos;
    }

    /** Whether output is kept as text for {@link #awaitOutput} (off for bulk transfers: only counted). */
    public void keepText(boolean keep) {
        keepText = keep;
    }

    /** Nanos from the start of the offer to the first output ending in a shell prompt ("$ " or "# "); 0 before. */
    public long promptNanos() {
        long prompt = promptNanos;
        return prompt == 0 ? 0 : prompt - offerStartedNanos;
    }

    /** Also hands every terminal output message to {@code l} (on the native thread: keep it short). */
    public void onOutput(Consumer<byte[]> l) {
        outputListener = l;
    }

    public ShellControl awaitControl(Duration timeout) throws InterruptedException {
        ShellControl c = controls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) throw new AssertionError("no control message within " + timeout);
        return c;
    }

    /** The device's session.closed frame for this session. */
    public SessionSignal awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean channelClosedWithin(Duration timeout) {
        try {
            channelClosed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** "direct" or "relayed", from the selected candidate pair. */
    public String connectionPath() throws Exception {
        CompletableFuture<String> path = new CompletableFuture<>();
        pc.getStats(report -> path.complete(ConnectionPath.of(report)));
        return path.get(5, TimeUnit.SECONDS);
    }

    /** Sends a frame for this session to the device through the cloud, as a browser's page would. */
    public void sendToDevice(SessionSignal signal) {
        cloud.sendSignal(deviceId, signal);
    }

    /** Closes like a browser tab that goes away: the peer connection ends. */
    @Override
    public synchronized void close() {
        if (closedByUs) return;
        closedByUs = true;
        cloud.removeSignalListener(listener);
        channel.unregisterObserver();
        channel.close();
        channel.dispose();
        pc.close();
        signalling.shutdown();
    }

    // ---- signalling -------------------------------------------------------------------------------------------

    private void fromDevice(SessionSignal s) {
        if (!sessionId.equals(s.sessionId())) return;
        signalling.execute(() -> {
            switch (s.type()) {
                case SessionSignal.ANSWER -> {
                    try {
                        synchronized (this) {
                            if (closedByUs) return; // a closed peer connection must not be touched
                            setRemote(new RTCSessionDescription(RTCSdpType.ANSWER, s.sdp()));
                            answered = true;
                            early.forEach(pc::addIceCandidate);
                            early.clear();
                        }
                        answer.complete(s);
                    } catch (Exception e) {
                        answer.completeExceptionally(e);
                    }
                }
                case SessionSignal.ICE -> {
                    if (s.candidate() == null || s.candidate().isEmpty()) return;
                    RTCIceCandidate c = new RTCIceCandidate(s.sdpMid(), s.sdpMlineIndex(), s.candidate());
                    synchronized (this) {
                        if (closedByUs) return;
                        if (answered) {
                            pc.addIceCandidate(c);
                        } else {
                            early.add(c);
                        }
                    }
                }
                case SessionSignal.CLOSED -> closed.complete(s);
                default -> { }
            }
        });
    }

    private RTCSessionDescription createOffer() throws Exception {
        return Descriptions.offer(pc).get(10, TimeUnit.SECONDS);
    }

    private void setLocal(RTCSessionDescription d) throws Exception {
        Descriptions.setLocal(pc, d).get(10, TimeUnit.SECONDS);
    }

    private void setRemote(RTCSessionDescription d) throws Exception {
        Descriptions.setRemote(pc, d).get(10, TimeUnit.SECONDS);
    }

    private static RTCConfiguration configuration(Ice ice) {
        RTCConfiguration config = new RTCConfiguration();
        for (IceServer s : ice.servers()) {
            config.iceServers.add(IceConfig.server(s.urls(), s.username(), s.credential()));
        }
        config.iceTransportPolicy = SessionSignal.POLICY_RELAY.equals(ice.policy()) ? RTCIceTransportPolicy.RELAY
                : RTCIceTransportPolicy.ALL;
        return config;
    }

    private static boolean endsWithPrompt(byte[] data) {
        int n = data.length;
        return n >= 2 && data[n - 1] == ' ' && (data[n - 2] == '$' || data[n - 2] == '#');
    }

    private final class PeerEvents implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate c) {
            signalling.execute(() -> sendToDevice(SessionSignal.ice(sessionId, c.sdp, c.sdpMid, c.sdpMLineIndex)));
        }
    }

    private final class ChannelEvents implements RTCDataChannelObserver {
        @Override
        public void onBufferedAmountChange(long previousAmount) {}

        @Override
        public void onStateChange() {
            RTCDataChannelState state = channel.getState();
            if (state == RTCDataChannelState.OPEN) open.complete(null);
            if (state == RTCDataChannelState.CLOSED || state == RTCDataChannelState.CLOSING) {
                channelClosed.complete(null);
            }
        }

        @Override
        public void onMessage(RTCDataChannelBuffer buffer) {
            byte[] data = new byte[buffer.data.remaining()];
            buffer.data.get(data);
            if (!buffer.binary) {
                controls.add(Json.read(data, ShellControl.class));
                return;
            }
            long now = System.nanoTime();
            if (firstByteNanos == 0) firstByteNanos = now;
            if (promptNanos == 0 && endsWithPrompt(data)) promptNanos = now;
            received.addAndGet(data.length);
            Consumer<byte[]> l = outputListener;
            if (l != null) l.accept(data);
            if (!keepText) return;
            synchronized (output) {
                output.append(new String(data, StandardCharsets.UTF_8));
                if (output.length() > KEEP_OUTPUT_CHARS) output.delete(0, output.length() - KEEP_OUTPUT_CHARS / 2);
                output.notifyAll();
            }
        }
    }
}
