package org.openrpiconnect.daemon.ice;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.session.IceServer;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TURN rule on gatherings as libwebrtc reports them (the real gatherings: DoctorCandidatesTest). */
class TurnCheckTest {
    private static final String UDP = "turn:turn.example.org:3478?transport=udp";
    private static final String TCP = "turn:turn.example.org:443?transport=tcp";
    private static final List<IceUrl> URLS = List.of(IceUrl.parse(UDP).orElseThrow(), IceUrl.parse(TCP).orElseThrow());
    private static final Duration TIMEOUT = Duration.ofSeconds(4);
    private static final String CLOUD = "https://connect.example.org";

    @Test
    void relay_candidate_passes() {
        Gathered relayed = new Gathered(List.of(new Gathered.Candidate("relay", "udp", "203.0.113.8", UDP)),
                List.of(), false, null);

        assertTrue(TurnCheck.judge(URLS, relayed, TIMEOUT, CLOUD).ok());
    }

    @Test
    void refused_credentials_fail_with_a_hint_for_the_clouds_operator() {
        Gathered refused = new Gathered(List.of(), List.of(new Gathered.CandidateError(UDP, 401, "Unauthorized")),
                true, null);

        Verdict v = TurnCheck.judge(URLS, refused, TIMEOUT, CLOUD);

        assertFalse(v.ok());
        assertEquals("The TURN server turn.example.org:3478 refused the credentials Raspberry Pi Connect issued (401 "
                + "Unauthorized). Ask the operator of https://connect.example.org to check that its TURN secret "
                + "(rpi-connect-cloud serve --turn-secret-file) is the TURN server's static-auth-secret and that both "
                + "clocks are right", v.hint());
    }

    @Test
    void no_answer_from_any_turn_url_names_every_port_to_open() {
        Gathered silent = new Gathered(List.of(), List.of(), false, null);
        // libwebrtc also asks TURN servers as STUN servers: such an error is not about relaying
        Gathered stunSideError = new Gathered(List.of(), List.of(new Gathered.CandidateError(
                "stun:turn.example.org:3478", 701, "STUN binding request timed out.")), false, null);

        String expected = "None of the TURN servers (turn.example.org:3478, turn.example.org:443) answered within 4 s. "
                + "Ask your network administrator to allow requests to them on UDP port 3478 and TCP port 443";
        assertEquals(expected, TurnCheck.judge(URLS, silent, TIMEOUT, CLOUD).hint());
        assertEquals(expected, TurnCheck.judge(URLS, stunSideError, TIMEOUT, CLOUD).hint());
    }

    @Test
    void host_name_that_does_not_resolve_fails_with_a_dns_hint_not_as_no_answer() {
        Gathered unresolved = new Gathered(List.of(), List.of(new Gathered.CandidateError(UDP, 701,
                "TURN host lookup received error.")), true, null);

        assertEquals("The TURN server's host name turn.example.org could not be resolved. Check this device's DNS "
                + "settings and network connection", TurnCheck.judge(URLS, unresolved, TIMEOUT, CLOUD).hint());
    }

    @Test
    void other_turn_errors_fail_with_the_servers_answer() {
        Gathered quota = new Gathered(List.of(), List.of(new Gathered.CandidateError(UDP, 486,
                "Allocation Quota Reached")), true, null);

        Verdict v = TurnCheck.judge(URLS, quota, TIMEOUT, CLOUD);

        assertFalse(v.ok());
        assertTrue(v.hint().startsWith("The TURN server turn.example.org:3478 answered with error 486 (Allocation "
                + "Quota Reached)."), v.hint());
    }

    @Test
    void only_the_turn_urls_of_the_listed_servers_are_checked_with_their_entrys_credentials() {
        List<TurnCheck.Server> servers = TurnCheck.of(List.of(IceServer.stun("stun:stun.example.org"),
                new IceServer(List.of("stun:turn.example.org", UDP, "not a url"), "1700000000:dev-1", "c2VjcmV0")));

        assertEquals(1, servers.size());
        assertEquals(List.of(UDP), servers.get(0).urls().stream().map(IceUrl::text).toList());
        assertEquals("1700000000:dev-1", servers.get(0).username());
    }
}
