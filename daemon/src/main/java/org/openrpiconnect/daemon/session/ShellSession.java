package org.openrpiconnect.daemon.session;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionLimits;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.openrpiconnect.protocol.session.ShellChannel;
import org.openrpiconnect.protocol.session.ShellControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One remote shell: a peer connection answering the browser's offer, the "shell" data channel, and the user's
 * shell on a pty behind it.
 *
 * <p>Threads: every WebRTC callback arrives on the library's one native thread, shared by all sessions, so
 * callbacks only copy what they got and hand it to this session's {@link SerialExecutor}; all state below is
 * confined to that executor. The blocking work on the shell's side happens on {@link ShellIo}'s threads.
 *
 * <p>Ending: {@link #end} stops input and output, hangs up the shell's processes (killing what is left after
 * {@link #KILL_GRACE}), sends a last control message when the browser should see why (then waits up to
 * {@link #FAREWELL_LINGER} for the browser to close first), then closes the channel and the peer connection (in the
 * order that keeps the native library safe), tells the cloud with {@code session.closed}, and reports to the
 * {@link Host}. Whatever goes wrong ends this session only.
 */
final class ShellSession {
    /** After a farewell message (exit status, error), how long the browser may take to close first. */
    static final Duration FAREWELL_LINGER = Duration.ofMillis(1500);
    /** A disconnected peer connection may recover (ICE restarts on its own); after this it counts as gone. */
    static final Duration DISCONNECT_GRACE = Duration.ofSeconds(10);
    /** Between hanging up the shell's processes and killing those still there. */
    static final Duration KILL_GRACE = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(ShellSession.class);

    /** The session's outside world. */
    interface Host {
        /** Sends a frame to the cloud (fire and forget). */
        void signal(SessionSignal signal);

        /** The channel is open: the user is in. */
        void connected(ShellSession session);

        /** Called once, when everything of the session is closed. */
        void ended(ShellSession session, SessionEndCode code);
    }

    private final String id;
    private final Host host;
    private final SerialExecutor executor;
    private final ScheduledExecutorService scheduler;
    private final ShellLauncher launcher;
    private final Duration connectTimeout;
    private final ShellIo shell;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    // Confined to the executor.
    private RTCPeerConnection pc;
    private RTCDataChannel channel;
    private ChannelSender sender;
    private boolean remoteDescriptionSet;
    private boolean answerSent;
    private boolean ending;
    private boolean finished;
    private int remoteCandidates;
    private final List<RTCIceCandidate> pendingRemote = new ArrayList<>();
    private final List<RTCIceCandidate> pendingLocal = new ArrayList<>();
    private ScheduledFuture<?> connectTimer;
    private ScheduledFuture<?> disconnectTimer;
    private ScheduledFuture<?> lingerTimer;
    private SessionEndCode endCode;
    private String endReason;

    private volatile boolean inputClosed;
    /** The shell channel, chosen on the native thread as it arrives. */
    private volatile RTCDataChannel accepted;

    ShellSession(String id, Host host, SerialExecutor executor, ScheduledExecutorService scheduler,
                 ShellLauncher launcher, Duration connectTimeout) {
        this.id = id;
        this.host = host;
        this.executor = executor;
        this.scheduler = scheduler;
        this.launcher = launcher;
        this.connectTimeout = connectTimeout;
        this.shell = new ShellIo(id);
    }

    String id() {
        return id;
    }

    /** Completes when the session has fully ended. */
    CompletableFuture<Void> done() {
        return done;
    }

    // ---- from the manager (any thread) -------------------------------------------------------------------------

    void start(SessionSignal offer, PeerConnectionFactory factory) {
        executor.execute(() -> open(offer, factory));
    }

    void remoteCandidate(SessionSignal ice) {
        executor.execute(() -> addRemoteCandidate(ice));
    }

    void end(SessionEndCode code, String reason, ShellControl farewell) {
        executor.execute(() -> endWith(code, reason, farewell));
    }

    /** Kills what is left of the shell now, on the calling thread (daemon shutdown, after {@link #end}). */
    void killShellNow() {
        shell.killRemaining();
    }

    // ---- negotiation --------------------------------------------------------------------------------------------

    private void open(SessionSignal offer, PeerConnectionFactory factory) {
        connectTimer = later(connectTimeout, () -> {
            if (sender == null) endWith(SessionEndCode.TIMEOUT, "The connection to the device could not be made within "
                    + connectTimeout.toSeconds() + " s. Check the network (rpi-connect doctor on the device), or try "
                    + "again.", null);
        });
        try {
            pc = factory.createPeerConnection(IceConfig.of(offer), new PeerEvents());
        } catch (Error | RuntimeException e) {
            endWith(SessionEndCode.INTERNAL, "The device could not create a connection (" + e.getMessage() + ").", null);
            return;
        }
        if (pc == null) {
            endWith(SessionEndCode.INTERNAL, "The device could not create a connection.", null);
            return;
        }
        try {
            pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, offer.sdp()),
                    new SetObserver(this::remoteDescriptionApplied, this::offerUnusable));
        } catch (Error | RuntimeException e) {
            // webrtc-java reports an SDP it cannot parse as a java.lang.Error thrown right here
            offerUnusable(e.getMessage());
        }
    }

    private void offerUnusable(String why) {
        endWith(SessionEndCode.MALFORMED_OFFER, "The connection request could not be used: its SDP was refused ("
                + brief(why) + "). Reload the page and try again.", null);
    }

    private void remoteDescriptionApplied() {
        if (ending) return;
        remoteDescriptionSet = true;
        for (RTCIceCandidate c : pendingRemote) {
            if (!addToPeer(c)) return;
        }
        pendingRemote.clear();
        pc.createAnswer(new RTCAnswerOptions(), new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription answer) {
                executor.execute(() -> applyAnswer(answer));
            }

            @Override
            public void onFailure(String error) {
                executor.execute(() -> endWith(SessionEndCode.INTERNAL, "The device could not answer the connection "
                        + "request (" + brief(error) + ").", null));
            }
        });
    }

    private void applyAnswer(RTCSessionDescription answer) {
        if (ending) return;
        pc.setLocalDescription(answer, new SetObserver(() -> answerApplied(answer), error -> endWith(
                SessionEndCode.INTERNAL, "The device could not use its own answer (" + brief(error) + ").", null)));
    }

    private void answerApplied(RTCSessionDescription answer) {
        if (ending) return;
        host.signal(SessionSignal.answer(id, answer.sdp));
        answerSent = true;
        pendingLocal.forEach(this::sendLocalCandidate);
        pendingLocal.clear();
        startShell();
    }

    private void addRemoteCandidate(SessionSignal ice) {
        if (ending) return;
        if (++remoteCandidates > SessionLimits.MAX_REMOTE_CANDIDATES) {
            endWith(SessionEndCode.BAD_CANDIDATE, "The browser sent more than " + SessionLimits.MAX_REMOTE_CANDIDATES
                    + " connection candidates; the session was ended.", null);
            return;
        }
        String line = ice.candidate();
        if (line == null || line.isEmpty()) return; // end of candidates
        if (line.length() > SessionLimits.MAX_CANDIDATE_CHARS) {
            endWith(SessionEndCode.BAD_CANDIDATE, "The browser sent a connection candidate longer than "
                    + SessionLimits.MAX_CANDIDATE_CHARS + " characters; the session was ended.", null);
            return;
        }
        RTCIceCandidate candidate = new RTCIceCandidate(ice.sdpMid(),
                ice.sdpMlineIndex() == null ? 0 : ice.sdpMlineIndex(), line);
        if (remoteDescriptionSet) {
            addToPeer(candidate);
        } else {
            pendingRemote.add(candidate);
        }
    }

    private boolean addToPeer(RTCIceCandidate candidate) {
        try {
            pc.addIceCandidate(candidate);
            return true;
        } catch (Error | RuntimeException e) {
            endWith(SessionEndCode.BAD_CANDIDATE, "The browser sent an unreadable connection candidate ("
                    + brief(e.getMessage()) + "); the session was ended.", null);
            return false;
        }
    }

    private void localCandidate(RTCIceCandidate candidate) {
        if (ending) return;
        if (answerSent) {
            sendLocalCandidate(candidate);
        } else {
            pendingLocal.add(candidate); // the answer goes first
        }
    }

    private void sendLocalCandidate(RTCIceCandidate c) {
        host.signal(SessionSignal.ice(id, c.sdp, c.sdpMid, c.sdpMLineIndex));
    }

    private void connectionState(RTCPeerConnectionState state) {
        if (finished) return;
        if (ending && (state == RTCPeerConnectionState.CLOSED || state == RTCPeerConnectionState.FAILED)) {
            finish(); // gone while our farewell lingered: nothing left to wait for
            return;
        }
        switch (state) {
            case CONNECTED -> {
                cancel(disconnectTimer);
                pc.getStats(report -> log.info("Remote shell session {}: connection is {}", id,
                        ConnectionPath.of(report)));
            }
            case DISCONNECTED -> {
                cancel(disconnectTimer);
                disconnectTimer = later(DISCONNECT_GRACE, () -> {
                    if (!finished && pc.getConnectionState() == RTCPeerConnectionState.DISCONNECTED) {
                        endWith(SessionEndCode.CONNECTION_FAILED, "The connection to the browser was lost.", null);
                    }
                });
            }
            case FAILED -> endWith(SessionEndCode.CONNECTION_FAILED, "The connection between the browser and the "
                    + "device failed. Check the network (rpi-connect doctor on the device), or try again.", null);
            case CLOSED -> endWith(SessionEndCode.PEER_CLOSED, "The browser closed the session.", null);
            default -> { }
        }
    }

    // ---- the data channel ---------------------------------------------------------------------------------------

    private void channelAnnounced(RTCDataChannel dc, boolean accepted, String label) {
        if (finished || !accepted) {
            disposeChannel(dc);
            if (!finished) {
                endWith(SessionEndCode.PROTOCOL_ERROR, "The browser opened an unexpected data channel '"
                        + OfferCheck.shorten(label) + "'; a shell session has one, named " + ShellChannel.LABEL + ".",
                        null);
            }
            return;
        }
        channel = dc;
        if (dc.getState() == RTCDataChannelState.OPEN) channelOpened();
    }

    private void channelState(RTCDataChannel dc, RTCDataChannelState state) {
        if (dc != channel || finished) return;
        switch (state) {
            case OPEN -> channelOpened();
            case CLOSING, CLOSED -> {
                if (ending) {
                    finish(); // the browser closed after our farewell: no need to wait any longer
                } else {
                    endWith(SessionEndCode.PEER_CLOSED, "The browser closed the session.", null);
                }
            }
            default -> { }
        }
    }

    private void channelOpened() {
        if (sender != null || ending) return;
        cancel(connectTimer);
        sender = new ChannelSender(channel);
        host.connected(this);
        if (shell.started()) startOutput();
    }

    /**
     * Text message from the browser: a control message (called on the native thread). A resize joins the input
     * queue right here, so it keeps its place among the keystrokes; parsing a message of at most 64 KiB is quick.
     */
    private void control(String text) {
        if (inputClosed) return;
        ShellControlParser.Parsed parsed = ShellControlParser.parse(text);
        if (parsed instanceof ShellControlParser.Resize r) {
            shell.resize(r.cols(), r.rows());
        } else if (parsed instanceof ShellControlParser.Garbled g) {
            inputClosed = true;
            executor.execute(() -> protocolError("The browser sent a message the device does not understand: "
                    + g.why() + "."));
        } else if (parsed instanceof ShellControlParser.Ignored i) {
            log.debug("Remote shell session {}: ignoring control message of type {}", id, i.type());
        }
    }

    private void protocolError(String reason) {
        endWith(SessionEndCode.PROTOCOL_ERROR, reason, ShellControl.error(reason));
    }

    // ---- the shell ----------------------------------------------------------------------------------------------

    private void startShell() {
        long pid;
        try {
            pid = shell.start(launcher, status -> executor.execute(() -> endWith(SessionEndCode.SHELL_EXITED,
                    "The shell exited with status " + status + ".", ShellControl.exit(status))));
        } catch (IOException | RuntimeException | LinkageError e) {
            endWith(SessionEndCode.INTERNAL, "The shell " + launcher.shell() + " could not start on the device ("
                    + e.getMessage() + ").", null);
            return;
        }
        log.info("Remote shell session {}: started {} (pid {})", id, launcher.shell(), pid);
        if (sender != null) startOutput();
    }

    private void startOutput() {
        try {
            shell.startOutput(sender);
        } catch (IOException e) {
            endWith(SessionEndCode.INTERNAL, "The device could not read the shell's terminal (" + e.getMessage() + ").",
                    null);
        }
    }

    /** Binary message from the browser: keyboard input (called on the native thread: never blocks). */
    private void received(byte[] data) {
        if (inputClosed) return;
        if (!shell.input(data)) {
            inputClosed = true;
            executor.execute(() -> protocolError("The browser sent input faster than the shell reads it (more than "
                    + (ShellIo.MAX_PENDING_INPUT >> 20) + " MiB waiting)."));
        }
    }

    // ---- ending -------------------------------------------------------------------------------------------------

    private void endWith(SessionEndCode code, String reason, ShellControl farewell) {
        if (ending) return;
        ending = true;
        inputClosed = true;
        endCode = code;
        endReason = reason;
        log.info("Remote shell session {} ending: {} ({})", id, reason, code.wire());
        cancel(connectTimer);
        cancel(disconnectTimer);
        shell.stop(scheduler, KILL_GRACE);
        if (farewell != null && sender != null && sender.sendText(Json.write(farewell), Duration.ofSeconds(1))) {
            lingerTimer = later(FAREWELL_LINGER, this::finish);
            return;
        }
        finish();
    }

    /** Closes the channel and the peer connection in the order the native library needs, then reports. */
    private void finish() {
        if (finished) return;
        finished = true;
        cancel(lingerTimer);
        if (sender != null) sender.stop();
        if (channel != null) disposeChannel(channel);
        if (pc != null) {
            try {
                pc.close();
            } catch (Error | RuntimeException e) {
                log.debug("Remote shell session {}: closing the peer connection: {}", id, e.toString());
            }
        }
        host.signal(SessionSignal.closed(id, endCode, endReason));
        host.ended(this, endCode);
        done.complete(null);
    }

    private void disposeChannel(RTCDataChannel dc) {
        try {
            dc.unregisterObserver();
            dc.close();
            dc.dispose();
        } catch (Error | RuntimeException e) {
            log.debug("Remote shell session {}: closing the data channel: {}", id, e.toString());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Runs {@code task} on the executor after {@code delay}. */
    private ScheduledFuture<?> later(Duration delay, Runnable task) {
        try {
            return scheduler.schedule(() -> executor.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null; // stopping
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) f.cancel(false);
    }

    private static String brief(String s) {
        if (s == null) return "no details";
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "...";
    }

    // ---- native callbacks: copy, hand over, return ---------------------------------------------------------------

    private final class PeerEvents implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            executor.execute(() -> localCandidate(candidate));
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            executor.execute(() -> connectionState(state));
        }

        @Override
        public void onDataChannel(RTCDataChannel dc) {
            String label = dc.getLabel();
            boolean first = accepted == null && ShellChannel.LABEL.equals(label);
            if (first) {
                accepted = dc;
                dc.registerObserver(new ChannelEvents(dc)); // only the shell channel's messages reach the shell
            }
            executor.execute(() -> channelAnnounced(dc, first, label));
        }
    }

    private final class ChannelEvents implements RTCDataChannelObserver {
        private final RTCDataChannel dc;

        ChannelEvents(RTCDataChannel dc) {
            this.dc = dc;
        }

        @Override
        public void onBufferedAmountChange(long previousAmount) {
            // never called by webrtc-java 0.14; ChannelSender polls
        }

        @Override
        public void onStateChange() {
            RTCDataChannelState state = dc.getState();
            executor.execute(() -> channelState(dc, state));
        }

        @Override
        public void onMessage(RTCDataChannelBuffer buffer) {
            int size = buffer.data.remaining();
            if (size > ShellChannel.MAX_MESSAGE_BYTES) {
                inputClosed = true;
                executor.execute(() -> protocolError("The browser sent a message of " + size + " bytes; the largest "
                        + "allowed is " + ShellChannel.MAX_MESSAGE_BYTES + "."));
                return;
            }
            byte[] data = new byte[size];
            buffer.data.get(data); // the buffer wraps native memory that is reused after this call
            if (buffer.binary) {
                received(data);
            } else {
                control(new String(data, StandardCharsets.UTF_8));
            }
        }
    }

    /** Hands the outcome of setting a description to the executor. */
    private final class SetObserver implements SetSessionDescriptionObserver {
        private final Runnable success;
        private final Consumer<String> failure;

        SetObserver(Runnable success, Consumer<String> failure) {
            this.success = success;
            this.failure = failure;
        }

        @Override
        public void onSuccess() {
            executor.execute(success);
        }

        @Override
        public void onFailure(String error) {
            executor.execute(() -> failure.accept(error));
        }
    }
}
