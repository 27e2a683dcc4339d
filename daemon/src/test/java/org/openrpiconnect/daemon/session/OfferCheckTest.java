package org.openrpiconnect.daemon.session;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.session.IceServer;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionLimits;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfferCheckTest {
    private static final IceServer TURN = new IceServer(List.of("turn:127.0.0.1:3478?transport=udp"), "1:d", "pw");

    private static SessionSignal offer(String kind, String sdp, List<IceServer> servers, String policy) {
        return SessionSignal.offer("s-1", kind, sdp, servers, policy);
    }

    private static SessionEndCode refusal(SessionSignal offer) {
        return OfferCheck.problem(offer).orElseThrow(() -> new AssertionError("accepted: " + offer)).code();
    }

    @Test
    void a_shell_offer_with_sdp_and_sane_ice_servers_passes() {
        assertTrue(OfferCheck.problem(offer("shell", "v=0", List.of(TURN), "relay")).isEmpty());
        assertTrue(OfferCheck.problem(offer("shell", "v=0", null, null)).isEmpty());
        assertTrue(OfferCheck.problem(offer("shell", "v=0", List.of(IceServer.stun("stun:s.example:3478")), "all"))
                .isEmpty());
    }

    @Test
    void other_kinds_are_unsupported_and_a_missing_kind_is_malformed() {
        assertEquals(SessionEndCode.UNSUPPORTED_KIND, refusal(offer("vnc", "v=0", null, null)));
        assertEquals(SessionEndCode.MALFORMED_OFFER, refusal(offer(null, "v=0", null, null)));
    }

    @Test
    void missing_or_huge_sdp_is_malformed() {
        assertEquals(SessionEndCode.MALFORMED_OFFER, refusal(offer("shell", " ", null, null)));
        String huge = "v=0" + "a".repeat(SessionLimits.MAX_SDP_CHARS);
        assertEquals(SessionEndCode.MALFORMED_OFFER, refusal(offer("shell", huge, null, null)));
    }

    @Test
    void bad_ice_settings_are_malformed() {
        assertEquals(SessionEndCode.MALFORMED_OFFER, refusal(offer("shell", "v=0", null, "none")));
        assertEquals(SessionEndCode.MALFORMED_OFFER, refusal(offer("shell", "v=0", null, "relay")));
        assertEquals(SessionEndCode.MALFORMED_OFFER, refusal(offer("shell", "v=0",
                List.of(new IceServer(List.of("http://x"), null, null)), null)));
        assertEquals(SessionEndCode.MALFORMED_OFFER, refusal(offer("shell", "v=0",
                Collections.nCopies(SessionLimits.MAX_ICE_SERVERS + 1, TURN), null)));
        assertEquals(SessionEndCode.MALFORMED_OFFER, refusal(offer("shell", "v=0",
                List.of(new IceServer(List.of(), null, null)), null)));
    }

    @Test
    void the_reason_says_what_is_wrong_and_what_to_do() {
        String reason = OfferCheck.problem(offer("shell", null, null, null)).orElseThrow().reason();
        assertEquals("The connection request could not be used: it carries no SDP. Reload the page and try again.",
                reason);
    }
}
