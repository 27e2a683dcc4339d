package org.openrpiconnect.daemon.ice;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The STUN rule on gatherings as libwebrtc reports them (the real gatherings: DoctorCandidatesTest). */
class StunCheckTest {
    private static final IceUrl STUN = IceUrl.parse("stun:198.51.100.9:3478").orElseThrow();
    private static final Duration TIMEOUT = Duration.ofSeconds(4);
    private static final Gathered.Candidate HOST_V4 = new Gathered.Candidate("host", "udp", "192.0.2.2", null);
    private static final Gathered.Candidate HOST_V6 = new Gathered.Candidate("host", "udp", "fd00::2", null);
    private static final Gathered.Candidate TCP_HOST_V4 = new Gathered.Candidate("host", "tcp", "192.0.2.2", null);

    @Test
    void server_reflexive_candidate_passes_even_before_gathering_completes() {
        Gathered behindNat = new Gathered(List.of(HOST_V4, new Gathered.Candidate("srflx", "udp", "203.0.113.5",
                STUN.text())), List.of(), false, null);

        assertTrue(StunCheck.judge(STUN, behindNat, TIMEOUT).ok());
    }

    @Test
    void completed_gathering_without_errors_passes_when_a_udp_socket_of_the_servers_family_asked() {
        Gathered noNat = new Gathered(List.of(HOST_V4, HOST_V6, TCP_HOST_V4), List.of(), true, null);

        assertTrue(StunCheck.judge(STUN, noNat, TIMEOUT).ok());
    }

    @Test
    void gathering_still_running_at_the_deadline_fails_as_no_answer() {
        Gathered silent = new Gathered(List.of(HOST_V4, HOST_V6), List.of(), false, null);

        Verdict v = StunCheck.judge(STUN, silent, TIMEOUT);

        assertFalse(v.ok());
        assertEquals("The STUN server 198.51.100.9:3478 did not answer within 4 s. Ask your network administrator "
                + "to allow requests to it on UDP port 3478", v.hint());
    }

    @Test
    void a_candidate_error_fails_even_when_gathering_completed() {
        Gathered timedOut = new Gathered(List.of(HOST_V4), List.of(new Gathered.CandidateError(STUN.text(), 701,
                "STUN binding request timed out.")), true, null);
        Gathered refused = new Gathered(List.of(HOST_V4), List.of(new Gathered.CandidateError(STUN.text(), 400,
                "Bad Request")), true, null);

        assertEquals("The STUN server 198.51.100.9:3478 did not answer. Ask your network administrator to allow "
                + "requests to it on UDP port 3478", StunCheck.judge(STUN, timedOut, TIMEOUT).hint());
        Verdict v = StunCheck.judge(STUN, refused, TIMEOUT);
        assertFalse(v.ok());
        assertTrue(v.hint().startsWith("The STUN server 198.51.100.9:3478 answered with error 400 (Bad Request)."),
                v.hint());
    }

    @Test
    void host_name_that_does_not_resolve_fails_with_a_dns_hint() {
        IceUrl named = IceUrl.parse("stun:stun.example.invalid").orElseThrow();
        Gathered unresolved = new Gathered(List.of(HOST_V4), List.of(new Gathered.CandidateError(
                "stun:stun.example.invalid:3478", 701, "STUN host lookup received error.")), true, null);

        assertEquals("The STUN server's host name stun.example.invalid could not be resolved. Check this device's DNS "
                + "settings and network connection", StunCheck.judge(named, unresolved, TIMEOUT).hint());
    }

    @Test
    void completed_gathering_without_a_udp_socket_of_the_servers_family_proves_nothing() {
        Gathered onlyV6 = new Gathered(List.of(HOST_V6, TCP_HOST_V4), List.of(), true, null);
        Gathered nothing = new Gathered(List.of(), List.of(), true, null);

        Verdict v = StunCheck.judge(STUN, onlyV6, TIMEOUT);
        assertFalse(v.ok());
        assertEquals("This device has no IPv4 network address to reach the STUN server 198.51.100.9:3478 from (only "
                + "loopback). Check its network connection", v.hint());
        assertFalse(StunCheck.judge(IceUrl.parse("stun:stun.example.org").orElseThrow(), nothing, TIMEOUT).ok());
    }

    @Test
    void gathering_that_could_not_start_fails_with_what_webrtc_said() {
        Gathered broken = new Gathered(List.of(), List.of(), false, "creating the offer failed: no transport");

        Verdict v = StunCheck.judge(STUN, broken, TIMEOUT);

        assertFalse(v.ok());
        assertTrue(v.hint().contains("creating the offer failed: no transport"), v.hint());
    }
}
