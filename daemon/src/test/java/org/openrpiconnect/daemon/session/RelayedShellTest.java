package org.openrpiconnect.daemon.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.BrowserPeer;
import org.openrpiconnect.daemon.testing.Coturn;
import org.openrpiconnect.daemon.testing.DaemonHarness;
import org.openrpiconnect.daemon.testing.LinkedDaemon;
import org.openrpiconnect.daemon.testing.LogCapture;
import org.openrpiconnect.daemon.testing.ShellChildren;
import org.openrpiconnect.protocol.session.IceServer;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remote shell through a TURN relay: coturn on loopback with use-auth-secret (time-limited credentials, as the
 * cloud hands out), relay-only ICE on both sides.
 */
@Timeout(90)
class RelayedShellTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path tmp;

    @Test
    void shell_works_through_the_relay_with_relay_only_ice_and_no_credential_reaches_the_log() throws Exception {
        try (LogCapture logs = new LogCapture(); Coturn turn = Coturn.start(tmp.resolve("turn"));
             LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"))) {
            IceServer credentials = turn.credentials("dev-1", Duration.ofMinutes(10));
            try (BrowserPeer peer = device.connect("relayed-1", BrowserPeer.Ice.relayOnly(credentials))) {
                peer.type("echo \"x$CONNECT_TTY\"; tty\n");
                peer.awaitOutput(Pattern.compile("x1\\r\\n/dev/pts/\\d+\\r\\n"), WAIT);

                assertEquals("relayed", peer.connectionPath());
                List<SessionSignal> deviceCandidates = device.cloud.signalsFromDevices().stream()
                        .filter(s -> s.type().equals(SessionSignal.ICE)).toList();
                assertFalse(deviceCandidates.isEmpty());
                assertTrue(deviceCandidates.stream().allMatch(s -> s.candidate().contains(" typ relay ")),
                        "the device offered relay candidates only: " + deviceCandidates);
                String answer = device.awaitFromDevice("relayed-1", SessionSignal.ANSWER, WAIT).sdp();
                String icePwd = answer.lines().filter(l -> l.startsWith("a=ice-pwd:")).findFirst().orElseThrow()
                        .substring("a=ice-pwd:".length());
                assertTrue(logs.lines().stream().anyMatch(l -> l.contains("relayed-1")), "logs were captured");
                for (String line : logs.lines()) {
                    assertFalse(line.contains(credentials.credential()), line);
                    assertFalse(line.contains(icePwd), line);
                }
            }
        }
    }

    @Test
    void a_session_that_cannot_connect_leaves_no_shell_once_the_cloud_gives_up() throws Exception {
        try (Coturn turn = Coturn.start(tmp.resolve("turn"));
             LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"))) {
            IceServer expired = turn.credentials("dev-1", Duration.ofMinutes(-10)); // coturn refuses it
            ShellChildren shells = ShellChildren.snapshot();
            try (BrowserPeer peer = device.offer("stuck", BrowserPeer.Ice.relayOnly(expired))) {
                device.awaitFromDevice("stuck", SessionSignal.ANSWER, WAIT);
                assertEquals(1, device.shellSessions());

                device.sendToDevice(SessionSignal.close("stuck"));

                assertEquals(SessionEndCode.CLOSED_BY_CLOUD.wire(), peer.awaitClosed(WAIT).code());
                assertEquals(0, device.shellSessions());
                DaemonHarness.eventually(Duration.ofSeconds(5), "no shell left",
                        () -> shells.startedSinceAndAlive() == 0);
            }
        }
    }
}
