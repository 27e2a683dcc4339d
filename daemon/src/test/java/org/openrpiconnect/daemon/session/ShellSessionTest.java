package org.openrpiconnect.daemon.session;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.BrowserPeer;
import org.openrpiconnect.daemon.testing.LinkedDaemon;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionLimits;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.openrpiconnect.protocol.session.ShellControl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

/**
 * Remote shells end to end inside one JVM: a webrtc-java peer standing in for the browser, the fake cloud relaying
 * the signalling frames untouched, the real daemon (SessionManager, pty4j, the user's login shell) answering.
 * ICE: host candidates (this machine's non-loopback addresses; see {@link DirectIce}).
 */
@Timeout(120)
class ShellSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger ids = new AtomicInteger();

    @TempDir
    static Path tmp;

    private static LinkedDaemon device;
    private static BrowserPeer.Ice ice;

    @BeforeAll
    static void linkedDevice() throws Exception {
        ice = DirectIce.forThisMachine(tmp.resolve("turn"));
        device = LinkedDaemon.start(tmp.resolve("device"));
    }

    @AfterAll
    static void tearDown() {
        if (device != null) device.close();
        DirectIce.stopRelay();
    }

    private static String newId() {
        return "s-" + ids.incrementAndGet();
    }

    private static BrowserPeer open() throws Exception {
        return device.connect(newId(), ice);
    }

    /** The shell answers a command: proof that a session still works. */
    private static void answers(BrowserPeer peer) throws Exception {
        String token = "ok" + ids.incrementAndGet();
        peer.type("echo \"" + token + "-$((20+22))\"\n");
        peer.awaitOutput(Pattern.compile(token + "-42"), WAIT);
    }

    @Test
    void shell_runs_with_connect_tty_on_a_terminal_and_exit_ends_the_session_with_its_status() throws Exception {
        try (BrowserPeer peer = open()) {
            peer.type("echo \"x$CONNECT_TTY-$TERM\"; tty\n");

            Matcher m = peer.awaitOutput(Pattern.compile("x1-xterm-256color\\r\\n(/dev/pts/\\d+)\\r\\n"), WAIT);
            assertTrue(m.group(1).startsWith("/dev/pts/"));

            peer.type("exit 3\n");
            assertEquals(ShellControl.exit(3), peer.awaitControl(WAIT));
            SessionSignal closed = peer.awaitClosed(WAIT);
            assertEquals(SessionEndCode.SHELL_EXITED.wire(), closed.code());
            assertEquals("The shell exited with status 3.", closed.reason());
        }
    }

    @Test
    void resize_from_the_browser_reaches_the_terminal() throws Exception {
        try (BrowserPeer peer = open()) {
            peer.resize(132, 43);
            peer.type("stty size\n");
            peer.awaitOutput(Pattern.compile("(?<!\\d)43 132\\r\\n"), WAIT);

            peer.resize(80, 24);
            peer.type("stty size\n");
            peer.awaitOutput(Pattern.compile("(?<!\\d)24 80\\r\\n"), WAIT);
        }
    }

    @Test
    void closing_the_browser_ends_the_shell_and_its_background_jobs_within_five_seconds() throws Exception {
        BrowserPeer peer = open();
        peer.type("echo \"shell=$$\"; sleep 300 & echo \"job=$!\"\n");
        long shell = Long.parseLong(peer.awaitOutput(Pattern.compile("shell=(\\d+)"), WAIT).group(1));
        long job = Long.parseLong(peer.awaitOutput(Pattern.compile("job=(\\d+)"), WAIT).group(1));
        assertTrue(alive(shell) && alive(job));

        peer.close();

        eventually(Duration.ofSeconds(5), "shell and job gone", () -> !alive(shell) && !alive(job));
        SessionSignal closed = device.awaitFromDevice(peer.sessionId(), SessionSignal.CLOSED, WAIT);
        assertEquals(SessionEndCode.PEER_CLOSED.wire(), closed.code());
    }

    @Test
    void status_counts_sessions_up_and_down() throws Exception {
        int before = device.shellSessions();
        BrowserPeer a = open();
        BrowserPeer b = open();
        assertEquals(before + 2, device.shellSessions());

        a.close();
        eventually(WAIT, "one session left", () -> device.shellSessions() == before + 1);
        b.type("exit\n");
        b.awaitClosed(WAIT);
        eventually(WAIT, "no session left", () -> device.shellSessions() == before);
        b.close();
    }

    @Test
    void shell_off_refuses_new_sessions_with_a_message_the_browser_can_show() throws Exception {
        // the class shares one daemon: an earlier test's session may still be closing (counted) at this point
        eventually(WAIT, "earlier sessions ended", () -> device.shellSessions() == 0);
        device.shell(false);
        try (BrowserPeer peer = device.offer(newId(), ice)) {
            SessionSignal closed = peer.awaitClosed(WAIT);

            assertEquals(SessionEndCode.SHELL_DISALLOWED.wire(), closed.code());
            assertEquals("Remote shell access is turned off on this device. To allow it, run rpi-connect shell on on "
                    + "the device.", closed.reason());
            assertEquals(0, device.shellSessions());
        } finally {
            device.shell(true);
        }
        try (BrowserPeer peer = open()) {
            answers(peer);
        }
    }

    @Test
    void the_cloud_closing_a_session_ends_it_and_its_shell() throws Exception {
        try (BrowserPeer peer = open()) {
            peer.type("echo \"shell=$$\"\n");
            long shell = Long.parseLong(peer.awaitOutput(Pattern.compile("shell=(\\d+)"), WAIT).group(1));

            peer.sendToDevice(SessionSignal.close(peer.sessionId()));

            assertEquals(ShellControl.ERROR, peer.awaitControl(WAIT).type());
            assertEquals(SessionEndCode.CLOSED_BY_CLOUD.wire(), peer.awaitClosed(WAIT).code());
            eventually(Duration.ofSeconds(5), "shell gone", () -> !alive(shell));
        }
    }

    // ---- one session's fault never reaches another -------------------------------------------------------------

    @Test
    void malformed_sdp_refuses_only_that_session() throws Exception {
        try (BrowserPeer healthy = open()) {
            String bad = newId();
            device.sendToDevice(SessionSignal.offer(bad, SessionSignal.KIND_SHELL, "v=0\r\nthis is not SDP\r\n",
                    List.of(), SessionSignal.POLICY_ALL));

            SessionSignal closed = device.awaitFromDevice(bad, SessionSignal.CLOSED, WAIT);
            assertEquals(SessionEndCode.MALFORMED_OFFER.wire(), closed.code());
            assertTrue(closed.reason().startsWith("The connection request could not be used"), closed.reason());
            answers(healthy);
        }
    }

    @Test
    void offer_without_sdp_or_of_another_kind_is_refused_saying_why() throws Exception {
        String noSdp = newId();
        device.sendToDevice(SessionSignal.offer(noSdp, SessionSignal.KIND_SHELL, null, null, null));
        assertEquals(SessionEndCode.MALFORMED_OFFER.wire(),
                device.awaitFromDevice(noSdp, SessionSignal.CLOSED, WAIT).code());

        String vnc = newId();
        device.sendToDevice(SessionSignal.offer(vnc, "vnc", "v=0", null, null));
        SessionSignal closed = device.awaitFromDevice(vnc, SessionSignal.CLOSED, WAIT);
        assertEquals(SessionEndCode.UNSUPPORTED_KIND.wire(), closed.code());
        assertEquals("This device does not offer sessions of kind 'vnc'; it offers: shell.", closed.reason());
    }

    @Test
    void frames_for_an_unknown_session_are_answered_and_harm_no_other() throws Exception {
        try (BrowserPeer healthy = open()) {
            device.sendToDevice(SessionSignal.ice("ghost", "candidate:1 1 udp 2122260223 10.1.2.3 5000 typ host",
                    "0", 0));

            assertEquals(SessionEndCode.UNKNOWN_SESSION.wire(),
                    device.awaitFromDevice("ghost", SessionSignal.CLOSED, WAIT).code());
            answers(healthy);
        }
    }

    @Test
    void a_frame_with_an_invalid_session_id_or_unreadable_fields_is_dropped_and_harms_no_other() throws Exception {
        try (BrowserPeer healthy = open()) {
            device.sendToDevice(SessionSignal.close("bad id with spaces"));
            device.cloud.sendRaw(device.deviceId, "{\"type\":\"session.ice\",\"session_id\":\"x\","
                    + "\"sdp_mline_index\":\"not a number\"}");
            device.cloud.sendRaw(device.deviceId, "not json at all");

            answers(healthy);
            assertTrue(device.cloud.signalsFromDevices().stream().noneMatch(
                    s -> "bad id with spaces".equals(s.sessionId()) || "x".equals(s.sessionId())));
        }
    }

    @Test
    void oversized_message_ends_only_that_session_and_tells_the_browser() throws Exception {
        try (BrowserPeer healthy = open(); BrowserPeer noisy = open()) {
            noisy.sendBinary(new byte[70_000]);

            ShellControl error = noisy.awaitControl(WAIT);
            assertEquals(ShellControl.ERROR, error.type());
            assertEquals("The browser sent a message of 70000 bytes; the largest allowed is 65536.", error.message());
            assertEquals(SessionEndCode.PROTOCOL_ERROR.wire(), noisy.awaitClosed(WAIT).code());
            answers(healthy);
        }
    }

    @Test
    void garbled_control_messages_end_only_that_session() throws Exception {
        try (BrowserPeer healthy = open(); BrowserPeer a = open(); BrowserPeer b = open(); BrowserPeer c = open()) {
            a.sendText("not json");
            b.sendText("{\"type\":\"resize\",\"cols\":0,\"rows\":24}");
            c.sendText("{\"type\":\"future-feature\"}"); // unknown types are ignored, not errors

            assertEquals(SessionEndCode.PROTOCOL_ERROR.wire(), a.awaitClosed(WAIT).code());
            SessionSignal bClosed = b.awaitClosed(WAIT);
            assertEquals(SessionEndCode.PROTOCOL_ERROR.wire(), bClosed.code());
            assertTrue(bClosed.reason().contains("out of bounds"), bClosed.reason());
            answers(c);
            answers(healthy);
        }
    }

    @Test
    void input_flooding_a_shell_that_does_not_read_ends_only_that_session() throws Exception {
        try (BrowserPeer healthy = open(); BrowserPeer flooding = open()) {
            flooding.type("sleep 300\n"); // nothing reads the terminal: its buffers fill, then writes to it block
            byte[] chunk = ("y".repeat(99) + "\n").repeat(600).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            long limit = ShellIo.MAX_PENDING_INPUT;
            for (long sent = 0; sent <= limit + chunk.length && !flooding.channelClosedWithin(Duration.ZERO);
                 sent += chunk.length) {
                flooding.sendBinary(chunk);
            }

            SessionSignal closed = flooding.awaitClosed(WAIT);
            assertEquals(SessionEndCode.PROTOCOL_ERROR.wire(), closed.code());
            assertTrue(closed.reason().contains("faster than the shell reads it"), closed.reason());
            answers(healthy);
        }
    }

    @Test
    void a_second_data_channel_ends_only_that_session() throws Exception {
        try (BrowserPeer healthy = open(); BrowserPeer greedy = open()) {
            greedy.openExtraChannel("files");

            SessionSignal closed = greedy.awaitClosed(WAIT);
            assertEquals(SessionEndCode.PROTOCOL_ERROR.wire(), closed.code());
            assertEquals("The browser opened an unexpected data channel 'files'; a shell session has one, named shell.",
                    closed.reason());
            answers(healthy);
        }
    }

    @Test
    void a_flood_of_candidates_ends_only_that_session() throws Exception {
        try (BrowserPeer healthy = open(); BrowserPeer flooded = open()) {
            for (int i = 0; i <= SessionLimits.MAX_REMOTE_CANDIDATES; i++) {
                flooded.sendToDevice(SessionSignal.ice(flooded.sessionId(), "candidate:" + i + " 1 udp 2122260223 "
                        + "10.9.9." + (i % 250) + " " + (5000 + i) + " typ host", "0", 0));
            }

            SessionSignal closed = flooded.awaitClosed(WAIT);
            assertEquals(SessionEndCode.BAD_CANDIDATE.wire(), closed.code());
            answers(healthy);
        }
    }

    @Test
    void an_unreadable_candidate_ends_only_that_session() throws Exception {
        try (BrowserPeer healthy = open(); BrowserPeer bad = open()) {
            bad.sendToDevice(SessionSignal.ice(bad.sessionId(), "garbage", "0", 0));

            assertEquals(SessionEndCode.BAD_CANDIDATE.wire(), bad.awaitClosed(WAIT).code());
            answers(healthy);
        }
    }

    @Test
    void every_connection_is_a_new_shell() throws Exception {
        try (BrowserPeer a = open(); BrowserPeer b = open()) {
            a.type("echo \"shell=$$\"\n");
            b.type("echo \"shell=$$\"\n");
            String pa = a.awaitOutput(Pattern.compile("shell=(\\d+)"), WAIT).group(1);
            String pb = b.awaitOutput(Pattern.compile("shell=(\\d+)"), WAIT).group(1);
            assertFalse(pa.equals(pb));
        }
    }

    @Test
    void output_larger_than_every_buffer_reaches_a_slow_browser_complete_and_in_order() throws Exception {
        try (BrowserPeer slow = open()) {
            int lines = 1_000_000; // about 8 MB: far more than the daemon's output batches and the channel's buffer
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            slow.keepText(false);
            slow.onOutput(data -> {
                synchronized (got) {
                    got.write(data, 0, data.length);
                }
                LockSupport.parkNanos(2_000_000); // a browser that reads slowly: the device has to hold back
            });
            slow.type("seq 1 " + lines + "; echo done-$((6*7))\n");
            StringBuilder expected = new StringBuilder();
            for (int i = 1; i <= lines; i++) expected.append(i).append("\r\n");
            expected.append("done-42\r\n");

            eventually(Duration.ofSeconds(60), "all output", () -> {
                synchronized (got) {
                    return got.toString(StandardCharsets.US_ASCII).contains("done-42\r\n");
                }
            });
            slow.onOutput(null);
            String text;
            synchronized (got) {
                text = got.toString(StandardCharsets.US_ASCII);
            }
            int at = text.indexOf(expected.toString());
            assertTrue(at > 0 && !Character.isDigit(text.charAt(at - 1)), "the output arrived incomplete or out of order ("
                    + text.length() + " characters)");
            slow.keepText(true);
            answers(slow);
        }
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
