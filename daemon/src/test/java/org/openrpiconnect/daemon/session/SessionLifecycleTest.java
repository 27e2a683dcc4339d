package org.openrpiconnect.daemon.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.BrowserPeer;
import org.openrpiconnect.daemon.testing.LinkedDaemon;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.openrpiconnect.protocol.session.ShellControl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.session.ShellSessionTest.alive;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

/** Sessions and the daemon's own life: lazy WebRTC, the session cap, notifications, sign-out and shutdown. */
@Timeout(90)
class SessionLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private BrowserPeer.Ice ice() throws Exception {
        return DirectIce.forThisMachine(tmp.resolve("turn"));
    }

    @Test
    void webrtc_is_loaded_on_the_first_session_and_not_at_start() throws Exception {
        try (LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"))) {
            assertFalse(device.daemon.daemon().sessions().webRtcLoaded());

            try (BrowserPeer peer = device.connect("first", ice())) {
                assertTrue(device.daemon.daemon().sessions().webRtcLoaded());
            }
        }
    }

    @Test
    void the_cap_on_concurrent_shells_refuses_one_more_with_a_message_and_frees_up_when_one_ends() throws Exception {
        try (LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"), "max_shell_sessions=2\n", env -> { });
             BrowserPeer a = device.connect("a", ice());
             BrowserPeer b = device.connect("b", ice());
             BrowserPeer c = device.offer("c", ice())) {
            SessionSignal refused = c.awaitClosed(WAIT);
            assertEquals(SessionEndCode.SESSION_LIMIT.wire(), refused.code());
            assertEquals("This device already has 2 remote shell sessions open, the most it allows. Close one and "
                    + "try again (the limit is max_shell_sessions in connect.conf on the device).", refused.reason());
            assertEquals(2, device.shellSessions());

            a.close();
            eventually(WAIT, "a ended", () -> device.shellSessions() == 1);
            try (BrowserPeer d = device.connect("d", ice())) {
                assertEquals(2, device.shellSessions());
            }
        }
    }

    @Test
    void a_desktop_notification_is_sent_when_a_session_starts_where_notify_send_exists() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path sent = tmp.resolve("notifications");
        Path notifySend = bin.resolve("notify-send");
        Files.writeString(notifySend, "#!/bin/sh\nprintf '%s|' \"$@\" >> " + sent + "\necho >> " + sent + "\n");
        Files.setPosixFilePermissions(notifySend, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"), "",
                env -> env.put("PATH", bin + ":/usr/bin:/bin"));
             BrowserPeer peer = device.connect("noticed", ice())) {
            eventually(WAIT, "notified", () -> Files.exists(sent));
            assertEquals("--app-name=Raspberry Pi Connect|Raspberry Pi Connect|Remote shell session started|",
                    Files.readString(sent).strip());
        }
    }

    @Test
    void signing_out_ends_the_sessions_and_their_shells() throws Exception {
        try (LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"));
             BrowserPeer peer = device.connect("before-signout", ice())) {
            peer.type("echo \"shell=$$\"\n");
            long shell = Long.parseLong(peer.awaitOutput(Pattern.compile("shell=(\\d+)"), WAIT).group(1));

            assertTrue(device.daemon.call(LocalMethod.SIGNOUT, null).ok());

            assertEquals(ShellControl.error("This device signed out of Raspberry Pi Connect."), peer.awaitControl(WAIT));
            eventually(Duration.ofSeconds(5), "shell gone", () -> !alive(shell));
            eventually(WAIT, "no sessions", () -> device.shellSessions() == 0);
        }
    }

    @Test
    void stopping_the_daemon_ends_sessions_tells_the_cloud_and_leaves_no_shell() throws Exception {
        try (LinkedDaemon device = LinkedDaemon.start(tmp.resolve("device"));
             BrowserPeer peer = device.connect("before-stop", ice())) {
            peer.type("echo \"shell=$$\"; sleep 300 & echo \"job=$!\"\n");
            long shell = Long.parseLong(peer.awaitOutput(Pattern.compile("shell=(\\d+)"), WAIT).group(1));
            long job = Long.parseLong(peer.awaitOutput(Pattern.compile("job=(\\d+)"), WAIT).group(1));

            device.daemon.stop();

            assertEquals(SessionEndCode.DEVICE_STOPPING.wire(), peer.awaitClosed(WAIT).code());
            eventually(Duration.ofSeconds(5), "shell and job gone", () -> !alive(shell) && !alive(job));
        }
    }
}
