package org.openrpiconnect.daemon.ice;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionIceErrorEvent;

import org.openrpiconnect.daemon.session.Descriptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One real ICE gathering with webrtc-java: a peer connection with one data channel (so the offer has something to
 * gather for), its offer set as the local description, then the candidates and candidate errors it reports, until
 * gathering completes, {@code enough} holds, or the time is up. The peer connection is closed before it returns.
 * Nothing is sent to a remote peer: only the STUN/TURN servers in the configuration are contacted.
 */
final class CandidateGathering {
    private CandidateGathering() {}

    static Gathered run(PeerConnectionFactory factory, RTCConfiguration config, Duration timeout,
                        Predicate<Gathered> enough) throws InterruptedException {
        Events events = new Events();
        RTCPeerConnection pc = factory.createPeerConnection(config, events);
        RTCDataChannel channel = null;
        try {
            channel = pc.createDataChannel("doctor", new RTCDataChannelInit());
            Descriptions.offer(pc).thenCompose(offer -> Descriptions.setLocal(pc, offer))
                    .whenComplete((ok, error) -> {
                        if (error != null) events.failed((error.getCause() != null ? error.getCause() : error)
                                .getMessage());
                    });
            return events.await(timeout, enough);
        } finally {
            if (channel != null) {
                channel.close();
                channel.dispose();
            }
            pc.close();
        }
    }

    /** Collects the peer connection's events; they arrive on WebRTC's own thread, which is never blocked here. */
    private static final class Events implements PeerConnectionObserver {
        private final List<Gathered.Candidate> candidates = new ArrayList<>();
        private final List<Gathered.CandidateError> errors = new ArrayList<>();
        private boolean complete;
        private String setupError;

        @Override
        public synchronized void onIceCandidate(RTCIceCandidate candidate) {
            Gathered.Candidate c = Gathered.Candidate.parse(candidate.sdp, candidate.serverUrl);
            if (c != null) candidates.add(c);
            notifyAll();
        }

        @Override
        public synchronized void onIceCandidateError(RTCPeerConnectionIceErrorEvent event) {
            errors.add(new Gathered.CandidateError(event.getUrl(), event.getErrorCode(), event.getErrorText()));
            notifyAll();
        }

        @Override
        public synchronized void onIceGatheringChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) complete = true;
            notifyAll();
        }

        synchronized void failed(String why) {
            setupError = why;
            notifyAll();
        }

        synchronized Gathered await(Duration timeout, Predicate<Gathered> enough) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Gathered now = new Gathered(candidates, errors, complete, setupError);
                long left = deadline - System.nanoTime();
                if (complete || setupError != null || left <= 0 || enough.test(now)) return now;
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
