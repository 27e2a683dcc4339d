package org.openrpiconnect.daemon.ice;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceTransportPolicy;

import org.openrpiconnect.daemon.session.IceConfig;
import org.openrpiconnect.protocol.session.IceServer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * "Peer-to-peer connection candidate via STUN" for one STUN server: a gathering with only that server configured.
 *
 * <p>The rule: the server answered when a server-reflexive candidate from it arrives, <em>or</em> when gathering
 * completes with no candidate error and at least one UDP host candidate of the server's address family (the
 * sockets that asked it). Why the second half: libwebrtc drops a server-reflexive candidate whose address equals a
 * host candidate's, which is what a STUN server sees when there is no NAT in between (a device with a public
 * address, or a self-hosted STUN server on the device's own network). Completion is still a positive signal,
 * because libwebrtc completes a STUN socket only once every binding request has either succeeded or failed, and a
 * failure (no answer: code 701 after about 40 s; an error answer: its code) is reported as a candidate error. A
 * server that does not answer therefore never completes within the doctor's timeout and fails.
 */
final class StunCheck {
    private StunCheck() {}

    /** The stun:/stuns: URLs of the cloud's list, each once. */
    static List<IceUrl> urlsOf(List<IceServer> listed) {
        return listed.stream().flatMap(s -> s.urls() == null ? Stream.<String>empty() : s.urls().stream())
                .map(IceUrl::parse).flatMap(Optional::stream).filter(IceUrl::stun).distinct().toList();
    }

    static Verdict run(PeerConnectionFactory factory, IceUrl url, Duration timeout) throws InterruptedException {
        RTCConfiguration config = new RTCConfiguration();
        config.iceServers.add(IceConfig.server(List.of(url.text()), null, null));
        config.iceTransportPolicy = RTCIceTransportPolicy.ALL;
        Gathered gathered = CandidateGathering.run(factory, config, timeout, g -> g.has("srflx"));
        return judge(url, gathered, timeout);
    }

    static Verdict judge(IceUrl url, Gathered g, Duration timeout) {
        for (Gathered.Candidate c : g.candidates()) {
            if ("srflx".equals(c.type())) return Verdict.pass("server-reflexive candidate " + c.address() + " from "
                    + url.where());
        }
        if (g.setupError() != null) return Verdict.fail(Hints.gatheringFailed(g.setupError()));
        if (!g.errors().isEmpty()) {
            Gathered.CandidateError e = g.errors().get(0);
            if (e.lookupFailed()) return Verdict.fail(Hints.unresolved("STUN", url));
            if (e.code() == Gathered.CandidateError.NO_ANSWER) return Verdict.fail(noAnswer(url, ""));
            return Verdict.fail("The STUN server " + url.where() + " answered with error " + e.code() + " ("
                    + e.text() + "). Try again later; if it persists, ask the operator of your Raspberry Pi Connect "
                    + "server to check its STUN server");
        }
        if (!g.complete()) return Verdict.fail(noAnswer(url, " within " + timeout.toSeconds() + " s"));
        if (!g.hasUdpHost(url.ipVersion())) {
            String family = url.ipVersion() == 0 ? "" : "IPv" + url.ipVersion() + " ";
            return Verdict.fail("This device has no " + family + "network address to reach the STUN server "
                    + url.where() + " from (only loopback). Check its network connection");
        }
        return Verdict.pass(url.where() + " answered every binding request (no server-reflexive candidate: its "
                + "address equals a host candidate, no NAT in between)");
    }

    private static String noAnswer(IceUrl url, String within) {
        return "The STUN server " + url.where() + " did not answer" + within + ". Ask your network administrator "
                + "to allow requests to it on " + url.firewallRule();
    }
}
