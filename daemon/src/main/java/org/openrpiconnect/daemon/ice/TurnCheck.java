package org.openrpiconnect.daemon.ice;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import org.openrpiconnect.daemon.session.IceConfig;
import org.openrpiconnect.protocol.session.IceServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "Peer-to-peer connection candidate via TURN": a relay-only gathering against the TURN servers the cloud listed,
 * with the credentials it issued. Passes on the first relay candidate (an allocation the server granted); a refusal
 * (401 and the like) or no answer within the timeout fails with a hint.
 */
final class TurnCheck {
    private TurnCheck() {}

    /** A TURN server entry: its TURN URLs and the entry's credentials (never logged). */
    record Server(List<IceUrl> urls, String username, String credential) {}

    static Verdict run(PeerConnectionFactory factory, List<Server> servers, Duration timeout, String cloud)
            throws InterruptedException {
        RTCConfiguration config = new RTCConfiguration();
        for (Server s : servers) {
            config.iceServers.add(IceConfig.server(s.urls().stream().map(IceUrl::text).toList(), s.username(),
                    s.credential()));
        }
        config.iceTransportPolicy = RTCIceTransportPolicy.RELAY; // only what the TURN servers give counts
        Gathered gathered = CandidateGathering.run(factory, config, timeout, g -> g.has("relay"));
        return judge(servers.stream().flatMap(s -> s.urls().stream()).toList(), gathered, timeout, cloud);
    }

    /** The TURN entries of the cloud's list, each with only its turn:/turns: URLs; entries without one are left out. */
    static List<Server> of(List<IceServer> listed) {
        List<Server> servers = new ArrayList<>();
        for (IceServer s : listed) {
            List<IceUrl> urls = s.urls() == null ? List.of() : s.urls().stream().map(IceUrl::parse)
                    .flatMap(Optional::stream).filter(IceUrl::turn).toList();
            if (!urls.isEmpty()) servers.add(new Server(urls, s.username(), s.credential()));
        }
        return servers;
    }

    static Verdict judge(List<IceUrl> urls, Gathered g, Duration timeout, String cloud) {
        for (Gathered.Candidate c : g.candidates()) {
            if ("relay".equals(c.type())) return Verdict.pass("relay candidate " + c.address() + " from "
                    + (c.serverUrl() == null ? "a TURN server" : c.serverUrl()));
        }
        if (g.setupError() != null) return Verdict.fail(Hints.gatheringFailed(g.setupError()));
        // libwebrtc also uses TURN servers as STUN servers: only the TURN errors speak about relaying
        List<Gathered.CandidateError> turnErrors = g.errors().stream()
                .filter(e -> e.url() != null && e.url().startsWith("turn")).toList();
        Optional<Gathered.CandidateError> refused = turnErrors.stream().filter(e -> refusal(e.code())).findFirst();
        if (refused.isPresent()) {
            return Verdict.fail("The TURN server " + where(refused.get().url()) + " refused the credentials "
                    + "Raspberry Pi Connect issued (" + refused.get().code() + " " + refused.get().text() + "). Ask "
                    + "the operator of " + cloud + " to check that its TURN secret (rpi-connect-cloud serve "
                    + "--turn-secret-file) is the TURN server's static-auth-secret and that both clocks are right");
        }
        Optional<Gathered.CandidateError> unresolved = turnErrors.stream().filter(Gathered.CandidateError::lookupFailed)
                .findFirst();
        if (unresolved.isPresent()) {
            IceUrl url = IceUrl.parse(unresolved.get().url()).orElse(urls.get(0));
            return Verdict.fail(Hints.unresolved("TURN", url));
        }
        List<Gathered.CandidateError> other = turnErrors.stream()
                .filter(e -> e.code() != Gathered.CandidateError.NO_ANSWER).toList();
        if (!other.isEmpty()) {
            Gathered.CandidateError e = other.get(0);
            return Verdict.fail("The TURN server " + where(e.url()) + " answered with error " + e.code() + " ("
                    + e.text() + "). Try again later; if it persists, ask the operator of " + cloud
                    + " to check its TURN server");
        }
        if (!turnErrors.isEmpty() || !g.complete()) {
            String within = g.complete() ? "" : " within " + timeout.toSeconds() + " s";
            return Verdict.fail(noAnswer(urls, within));
        }
        return Verdict.fail("The TURN servers (" + list(urls) + ") gave no relay candidate. Check this device's "
                + "network connection");
    }

    /** The STUN error codes that mean the credentials were not accepted: 401 Unauthorized, 441 Wrong Credentials. */
    private static boolean refusal(int code) {
        return code == 401 || code == 441;
    }

    private static String noAnswer(List<IceUrl> urls, String within) {
        String rules = urls.stream().map(IceUrl::firewallRule).distinct().collect(Collectors.joining(" and "));
        String servers = urls.stream().map(IceUrl::where).distinct().collect(Collectors.joining(", "));
        boolean one = urls.stream().map(IceUrl::where).distinct().count() == 1;
        return (one ? "The TURN server " + servers + " did not answer" : "None of the TURN servers (" + servers
                + ") answered") + within + ". Ask your network administrator to allow requests to "
                + (one ? "it" : "them") + " on " + rules;
    }

    private static String list(List<IceUrl> urls) {
        return urls.stream().map(u -> u.where() + " " + u.transport()).distinct().collect(Collectors.joining(", "));
    }

    private static String where(String url) {
        return IceUrl.parse(url).map(IceUrl::where).orElse(url);
    }
}
