package org.openrpiconnect.daemon.ice;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.daemon.session.UnloadableWebRtc;
import org.openrpiconnect.protocol.local.DoctorResult;
import org.openrpiconnect.protocol.session.IceServer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PeerToPeerChecksTest {
    @Test
    void both_checks_fail_with_what_to_do_when_webrtc_cannot_load() {
        String why = "WebRTC could not be loaded on this device (java.lang.UnsatisfiedLinkError: noexec). Check that "
                + "/tmp allows executables and that the libraries of the rpi-connect package are installed.";
        PeerToPeerChecks checks = new PeerToPeerChecks(UnloadableWebRtc.failingWith(why), "https://connect.example");

        List<DoctorResult.Check> result = checks.run(List.of(IceServer.stun("stun:stun.example.org"),
                new IceServer(List.of("turn:turn.example.org"), "1:dev", "c2VjcmV0")));

        assertEquals(List.of(DoctorResult.STUN, DoctorResult.TURN), result.stream().map(DoctorResult.Check::name)
                .toList());
        result.forEach(c -> {
            assertFalse(c.ok());
            assertEquals(why, c.hint());
        });
    }

    @Test
    void no_listed_server_fails_both_checks_with_the_option_to_set_without_touching_webrtc() {
        PeerToPeerChecks checks = new PeerToPeerChecks(UnloadableWebRtc.failingWith("WebRTC was loaded"),
                "https://connect.example");

        List<DoctorResult.Check> result = checks.run(List.of());

        assertEquals("https://connect.example lists no STUN server. Its operator can set one with rpi-connect-cloud "
                + "serve --stun-url URL", result.get(0).hint());
        assertEquals("https://connect.example lists no TURN server. Its operator can set one with rpi-connect-cloud "
                + "serve --turn-url URL --turn-secret-file F", result.get(1).hint());
    }
}
