package org.openrpiconnect.bench.shell;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import org.openrpiconnect.daemon.session.Descriptions;
import org.openrpiconnect.daemon.testing.BrowserPeer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiving side of the raw data channel measurement (this process, like the browser stand-in), against a
 * {@link RawChannelPeer} process: the throughput of WebRTC's data channel alone, the ceiling for the shell.
 */
final class RawChannel {
    private RawChannel() {}

    /** MB/s (10^6 bytes) from the first byte received to the last, and the messages it took. */
    static Throughput throughput(List<String> senderCommand, long total) throws Exception {
        RTCPeerConnection pc;
        CompletableFuture<Void> gathered = new CompletableFuture<>();
        pc = BrowserPeer.factory().createPeerConnection(new RTCConfiguration(), new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {}

            @Override
            public void onIceGatheringChange(RTCIceGatheringState state) {
                if (state == RTCIceGatheringState.COMPLETE) gathered.complete(null);
            }
        });
        RTCDataChannel dc = pc.createDataChannel("raw", new RTCDataChannelInit());
        AtomicLong received = new AtomicLong();
        AtomicLong messages = new AtomicLong();
        AtomicLong first = new AtomicLong();
        CompletableFuture<Long> done = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        dc.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previous) {}

            @Override
            public void onStateChange() {}

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                byte[] copy = new byte[buffer.data.remaining()]; // as the browser stand-in copies
                buffer.data.get(copy);
                if (first.compareAndSet(0, System.nanoTime())) started.complete(null);
                messages.incrementAndGet();
                if (received.addAndGet(copy.length) >= total) done.complete(System.nanoTime());
            }
        });
        Descriptions.setLocal(pc, Descriptions.offer(pc).get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
        gathered.get(10, TimeUnit.SECONDS);

        Process sender = new ProcessBuilder(senderCommand).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream toSender = sender.getOutputStream()) {
            toSender.write((Base64.getEncoder().encodeToString(pc.getLocalDescription().sdp.getBytes(
                    StandardCharsets.UTF_8)) + "\n").getBytes(StandardCharsets.UTF_8));
            toSender.flush();
            BufferedReader fromSender = new BufferedReader(new InputStreamReader(sender.getInputStream(),
                    StandardCharsets.UTF_8));
            String answer = new String(Base64.getDecoder().decode(fromSender.readLine()), StandardCharsets.UTF_8);
            Descriptions.setRemote(pc, new RTCSessionDescription(RTCSdpType.ANSWER, answer))
                    .get(10, TimeUnit.SECONDS);
            started.get(60, TimeUnit.SECONDS);
            double cpuBefore = ProcCpu.millis(sender.pid()); // setpriv and env exec: the pid is the JVM's
            double receiverBefore = ProcCpu.ownMillis();
            MachineCpu.Sample machineBefore = MachineCpu.sample();
            long end = done.get(120, TimeUnit.SECONDS);
            double busy = MachineCpu.sample().busyPercentSince(machineBefore);
            double receiverCpu = ProcCpu.ownMillis() - receiverBefore;
            double cpu = ProcCpu.millis(sender.pid()) - cpuBefore;
            return new Throughput(total, end - first.get(), messages.get(), cpu, receiverCpu, busy);
        } finally {
            sender.waitFor(10, TimeUnit.SECONDS);
            sender.destroyForcibly();
            dc.unregisterObserver();
            dc.close();
            dc.dispose();
            pc.close();
        }
    }
}
