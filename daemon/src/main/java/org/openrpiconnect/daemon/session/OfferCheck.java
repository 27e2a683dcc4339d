package org.openrpiconnect.daemon.session;

import org.openrpiconnect.protocol.session.IceServer;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionLimits;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.util.List;
import java.util.Optional;

/** Checks an offer's fields against the contract before anything is built for it. */
final class OfferCheck {
    private static final int MAX_URL_CHARS = 512;
    private static final int MAX_CREDENTIAL_CHARS = 512;

    /** Why an offer is refused: the code and the sentence for the browser. */
    record Refusal(SessionEndCode code, String reason) {}

    private OfferCheck() {}

    static Optional<Refusal> problem(SessionSignal offer) {
        if (!SessionSignal.KIND_SHELL.equals(offer.kind())) {
            return offer.kind() == null ? malformed("it names no kind of session")
                    : Optional.of(new Refusal(SessionEndCode.UNSUPPORTED_KIND, "This device does not offer sessions of "
                    + "kind '" + shorten(offer.kind()) + "'; it offers: " + SessionSignal.KIND_SHELL + "."));
        }
        String sdp = offer.sdp();
        if (sdp == null || sdp.isBlank()) return malformed("it carries no SDP");
        if (sdp.length() > SessionLimits.MAX_SDP_CHARS) {
            return malformed("its SDP has " + sdp.length() + " characters, more than " + SessionLimits.MAX_SDP_CHARS);
        }
        String policy = offer.iceTransportPolicy();
        if (policy != null && !policy.equals(SessionSignal.POLICY_ALL) && !policy.equals(SessionSignal.POLICY_RELAY)) {
            return malformed("ice_transport_policy is '" + shorten(policy) + "', not all or relay");
        }
        List<IceServer> servers = offer.iceServers() == null ? List.of() : offer.iceServers();
        if (servers.size() > SessionLimits.MAX_ICE_SERVERS) {
            return malformed("it lists " + servers.size() + " ICE servers, more than " + SessionLimits.MAX_ICE_SERVERS);
        }
        for (IceServer server : servers) {
            if (server == null || server.urls() == null || server.urls().isEmpty()) {
                return malformed("an ICE server has no urls");
            }
            if (server.urls().size() > SessionLimits.MAX_URLS_PER_ICE_SERVER) {
                return malformed("an ICE server has more than " + SessionLimits.MAX_URLS_PER_ICE_SERVER + " urls");
            }
            for (String url : server.urls()) {
                if (url == null || url.length() > MAX_URL_CHARS || !validScheme(url)) {
                    return malformed("the ICE server URL '" + shorten(String.valueOf(url)) + "' is not a stun:, "
                            + "stuns:, turn: or turns: URL");
                }
            }
            if (tooLong(server.username()) || tooLong(server.credential())) {
                return malformed("an ICE server's username or credential is longer than " + MAX_CREDENTIAL_CHARS);
            }
        }
        if (SessionSignal.POLICY_RELAY.equals(policy)
                && servers.stream().noneMatch(s -> s.urls().stream().anyMatch(u -> u.startsWith("turn")))) {
            return malformed("it asks for relay-only ICE but names no TURN server");
        }
        return Optional.empty();
    }

    private static boolean validScheme(String url) {
        return url.startsWith("stun:") || url.startsWith("stuns:") || url.startsWith("turn:")
                || url.startsWith("turns:");
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() > MAX_CREDENTIAL_CHARS;
    }

    private static Optional<Refusal> malformed(String what) {
        return Optional.of(new Refusal(SessionEndCode.MALFORMED_OFFER, "The connection request could not be used: "
                + what + ". Reload the page and try again."));
    }

    /** Keeps echoed input short in messages and logs. */
    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
