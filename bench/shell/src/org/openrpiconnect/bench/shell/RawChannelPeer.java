package org.openrpiconnect.bench.shell;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import org.openrpiconnect.daemon.session.Descriptions;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The raw data channel's sending side, in a process of its own like the daemon (same JVM flags, same user): reads
 * the offer (Base64, one line) on stdin, answers on stdout (after ICE gathering, so no trickle is needed), then
 * sends {@code total} bytes in {@code chunk}-byte messages with the daemon's backpressure (1 MiB high water), and
 * exits when stdin closes. Arguments: total chunk.
 */
public final class RawChannelPeer {
    private static final long HIGH_WATER = 1L << 20;

    public static void main(String[] args) throws Exception {
        long total = Long.parseLong(args[0]);
        int chunk = Integer.parseInt(args[1]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String offer = new String(Base64.getDecoder().decode(in.readLine()), StandardCharsets.UTF_8);

        PeerConnectionFactory factory = new PeerConnectionFactory(new HeadlessAudioDeviceModule());
        CompletableFuture<RTCDataChannel> channel = new CompletableFuture<>();
        CompletableFuture<Void> gathered = new CompletableFuture<>();
        RTCPeerConnection pc = factory.createPeerConnection(new RTCConfiguration(), new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {}

            @Override
            public void onIceGatheringChange(RTCIceGatheringState state) {
                if (state == RTCIceGatheringState.COMPLETE) gathered.complete(null);
            }

            @Override
            public void onDataChannel(RTCDataChannel dc) {
                channel.complete(dc);
            }
        });
        await(Descriptions.setRemote(pc, new RTCSessionDescription(RTCSdpType.OFFER, offer)));
        RTCSessionDescription answer = await(Descriptions.answer(pc));
        await(Descriptions.setLocal(pc, answer));
        gathered.get(10, TimeUnit.SECONDS);
        System.out.println(Base64.getEncoder().encodeToString(
                pc.getLocalDescription().sdp.getBytes(StandardCharsets.UTF_8)));
        System.out.flush();

        RTCDataChannel dc = channel.get(20, TimeUnit.SECONDS);
        CompletableFuture<Void> open = new CompletableFuture<>();
        dc.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previous) {}

            @Override
            public void onStateChange() {
                if (dc.getState() == RTCDataChannelState.OPEN) open.complete(null);
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {}
        });
        if (dc.getState() == RTCDataChannelState.OPEN) open.complete(null);
        open.get(20, TimeUnit.SECONDS);
        byte[] data = new byte[chunk];
        java.util.Arrays.fill(data, (byte) 'x');
        for (long sent = 0; sent < total; sent += chunk) {
            while (dc.getBufferedAmount() > HIGH_WATER) LockSupport.parkNanos(1_000_000);
            byte[] message = total - sent >= chunk ? data : java.util.Arrays.copyOf(data, (int) (total - sent));
            dc.send(new RTCDataChannelBuffer(ByteBuffer.wrap(message), true));
        }
        while (in.readLine() != null) {
            // until the receiver is done
        }
        dc.unregisterObserver();
        dc.close();
        dc.dispose();
        pc.close();
        factory.dispose();
        System.exit(0);
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }
}
