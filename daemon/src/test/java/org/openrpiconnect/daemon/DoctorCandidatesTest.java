package org.openrpiconnect.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.Coturn;
import org.openrpiconnect.daemon.testing.LinkedDaemon;
import org.openrpiconnect.daemon.testing.LogCapture;
import org.openrpiconnect.protocol.local.DoctorResult;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.session.IceServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Doctor's "Peer-to-peer connection candidate via STUN" and "... via TURN": real candidate gathering in the
 * in-process daemon against a real coturn on loopback (time-limited credentials, as the cloud issues them), with the
 * servers listed by the (fake) cloud's ice-servers endpoint.
 */
@Timeout(90)
class DoctorCandidatesTest {
    /** The doctor answers within about 10 s overall, even when nothing answers it. */
    private static final long DOCTOR_BUDGET_MS = 10_000;

    @TempDir
    Path tmp;

    private static DoctorResult doctor(LinkedDaemon device) throws Exception {
        return device.daemon.result(LocalMethod.DOCTOR, null, DoctorResult.class);
    }

    private static DoctorResult.Check check(DoctorResult result, String name) {
        return result.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + result));
    }

    @Test
    void stun_and_turn_pass_against_a_real_coturn_loading_webrtc_only_then_and_logging_no_credential()
            throws Exception {
        try (LogCapture logs = new LogCapture(); Coturn turn = Coturn.start(tmp.resolve("turn"));
             LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"))) {
            IceServer credentials = turn.credentials(device.deviceId, Duration.ofMinutes(10));
            device.cloud.iceServers(List.of(IceServer.stun(turn.stunUrl()), credentials));
            assertFalse(device.daemon.daemon().sessions().webRtcLoaded(), "WebRTC is not loaded at start");

            DoctorResult result = doctor(device);

            assertEquals(List.of(DoctorResult.WEBSOCKET, DoctorResult.API, DoctorResult.AUTHENTICATION,
                    DoctorResult.STUN, DoctorResult.TURN), result.checks().stream().map(DoctorResult.Check::name)
                    .toList());
            assertTrue(result.allPassed(), result.toString());
            result.checks().forEach(c -> assertNull(c.hint(), c.name()));
            assertTrue(device.daemon.daemon().sessions().webRtcLoaded(), "the doctor run loaded WebRTC");
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains(DoctorResult.TURN + " passed: relay candidate")),
                    "the TURN check passed on a relay candidate: " + logs.lines());
            for (String line : logs.lines()) {
                assertFalse(line.contains(credentials.credential()), line);
                assertFalse(line.contains(credentials.username()), line);
            }
        }
    }

    @Test
    void stun_check_fails_with_a_hint_when_the_server_does_not_answer() throws Exception {
        int silent = Coturn.freeUdpPort();
        try (Coturn turn = Coturn.start(tmp.resolve("turn"));
             LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"))) {
            device.cloud.iceServers(List.of(IceServer.stun("stun:127.0.0.1:" + silent),
                    turn.credentials(device.deviceId, Duration.ofMinutes(10))));

            DoctorResult result = doctor(device);

            DoctorResult.Check stun = check(result, DoctorResult.STUN);
            assertFalse(stun.ok());
            assertEquals("The STUN server 127.0.0.1:" + silent + " did not answer within 4 s. Ask your network "
                    + "administrator to allow requests to it on UDP port " + silent, stun.hint());
            assertTrue(check(result, DoctorResult.TURN).ok(), "the TURN server still answers: " + result);
        }
    }

    @Test
    void stun_check_passes_when_one_of_two_listed_stun_servers_answers() throws Exception {
        int silent = Coturn.freeUdpPort();
        try (Coturn turn = Coturn.start(tmp.resolve("turn"));
             LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"))) {
            device.cloud.iceServers(List.of(IceServer.stun("stun:127.0.0.1:" + silent),
                    IceServer.stun(turn.stunUrl())));

            DoctorResult result = doctor(device);

            assertTrue(check(result, DoctorResult.STUN).ok(), result.toString());
            assertFalse(check(result, DoctorResult.TURN).ok(), "no TURN server listed");
        }
    }

    @Test
    void turn_check_fails_with_a_hint_when_the_server_refuses_the_credentials() throws Exception {
        try (Coturn turn = Coturn.start(tmp.resolve("turn"));
             LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"))) {
            IceServer good = turn.credentials(device.deviceId, Duration.ofMinutes(10));
            IceServer wrongSecret = new IceServer(good.urls(), good.username(), "bm90IHRoZSBzZWNyZXQ=");
            device.cloud.iceServers(List.of(IceServer.stun(turn.stunUrl()), wrongSecret));

            DoctorResult result = doctor(device);

            DoctorResult.Check relay = check(result, DoctorResult.TURN);
            assertFalse(relay.ok());
            assertTrue(relay.hint().startsWith("The TURN server 127.0.0.1:" + turn.port() + " refused the "
                    + "credentials Raspberry Pi Connect issued (401 "), relay.hint());
            assertTrue(relay.hint().contains("--turn-secret-file"), relay.hint());
            assertTrue(check(result, DoctorResult.STUN).ok(), result.toString());
        }
    }

    @Test
    void both_checks_fail_with_a_hint_within_the_budget_when_no_server_answers() throws Exception {
        int silent = Coturn.freeUdpPort();
        try (LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"))) {
            device.cloud.iceServers(List.of(IceServer.stun("stun:127.0.0.1:" + silent),
                    new IceServer(List.of("turn:127.0.0.1:" + silent + "?transport=udp"), "1:x", "y")));

            long start = System.nanoTime();
            DoctorResult result = doctor(device);
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertTrue(tookMs < DOCTOR_BUDGET_MS, "doctor took " + tookMs + " ms");
            assertTrue(check(result, DoctorResult.AUTHENTICATION).ok());
            DoctorResult.Check relay = check(result, DoctorResult.TURN);
            assertFalse(relay.ok());
            assertEquals("The TURN server 127.0.0.1:" + silent + " did not answer within 4 s. Ask your network "
                    + "administrator to allow requests to it on UDP port " + silent, relay.hint());
            assertFalse(check(result, DoctorResult.STUN).ok());
        }
    }

    @Test
    void no_servers_listed_fails_both_checks_with_a_hint_for_the_operator_without_loading_webrtc() throws Exception {
        try (LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"))) {
            DoctorResult result = doctor(device);

            assertEquals(1, device.cloud.iceServerRequests());
            DoctorResult.Check stun = check(result, DoctorResult.STUN);
            DoctorResult.Check relay = check(result, DoctorResult.TURN);
            assertFalse(stun.ok());
            assertFalse(relay.ok());
            assertEquals(device.cloud.url() + " lists no STUN server. Its operator can set one with "
                    + "rpi-connect-cloud serve --stun-url URL", stun.hint());
            assertEquals(device.cloud.url() + " lists no TURN server. Its operator can set one with "
                    + "rpi-connect-cloud serve --turn-url URL --turn-secret-file F", relay.hint());
            assertFalse(device.daemon.daemon().sessions().webRtcLoaded());
        }
    }
}
