package org.openrpiconnect.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openrpiconnect.e2e.harness.CloudPerClass;
import org.openrpiconnect.e2e.harness.CommandRunner;
import org.openrpiconnect.e2e.harness.DeviceUser;
import org.openrpiconnect.e2e.harness.E2ePaths;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.ProcessResult;
import org.openrpiconnect.e2e.harness.RunAs;
import org.openrpiconnect.e2e.harness.StatusOutput;
import org.openrpiconnect.e2e.harness.TempDirs;
import org.openrpiconnect.e2e.harness.Waits;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.LocalRequest;
import org.openrpiconnect.protocol.local.LocalResponse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The daemon's life on the device: on/off/restart in direct mode, one daemon per user, recovery from a killed
 * daemon's socket and from a garbled state file, and the local socket closed to everyone but its user.
 */
class DaemonLifecycleTest {
    private static final Duration START = Duration.ofSeconds(30);
    @RegisterExtension
    static final CloudPerClass shared = new CloudPerClass();

    @Test
    void status_says_not_running_until_on_starts_the_daemon_and_again_after_off() {
        DeviceUser device = shared.devices().create("onoff");
        assertTrue(device.status().notRunning(), "no daemon yet: status must say how to start it");

        ProcessResult on = device.cli("on");

        assertEquals(0, on.exitCode(), on::toString);
        Waits.until(START, "the daemon started by 'on' to listen", device::acceptsConnections);
        StatusOutput running = device.status();
        assertEquals(List.of(StatusOutput.SIGNED_IN_NO, StatusOutput.SUBSCRIBED_NO),
                running.statusLines().subList(0, 2), running::toString);

        ProcessResult off = device.cli("off");

        assertEquals(0, off.exitCode(), off::toString);
        Waits.until(START, "the daemon to exit after 'off'", () -> device.daemonPids().isEmpty());
        assertTrue(device.status().notRunning());
    }

    @Test
    void restart_replaces_the_daemon_and_the_device_stays_signed_in() {
        DeviceUser device = shared.devices().create("restart");
        assertEquals(0, device.cli("on").exitCode());
        Waits.until(START, "the daemon started by 'on' to listen", device::acceptsConnections);
        Fixtures.linkWithAuthKey(shared.cloud(), device, Fixtures.uniqueName("restarted-pi"));
        List<Long> before = device.daemonPids();
        assertEquals(1, before.size(), "one daemon per user: " + before);

        ProcessResult restart = device.cli("restart");

        assertEquals(0, restart.exitCode(), restart::toString);
        device.awaitStatus("signed in and subscribed after the restart", START, StatusOutput::healthy);
        List<Long> after = device.daemonPids();
        assertEquals(1, after.size(), "one daemon per user: " + after);
        assertNotEquals(before, after, "restart must replace the daemon process");
        assertEquals(0, device.cli("off").exitCode());
    }

    @Test
    void second_daemon_exits_with_already_running_and_the_first_keeps_serving() {
        DeviceUser device = shared.devices().create("twice");
        device.startDaemon();

        ProcessResult second = device.runDaemonToExit(Duration.ofSeconds(30), "-v");

        assertEquals(1, second.exitCode(), second::toString);
        assertTrue(second.output().contains("already running"), second::toString);
        assertTrue(device.daemon().isAlive(), "the first daemon must keep running");
        assertTrue(device.status().signedOut(), "the first daemon must still answer");
    }

    @Test
    void stale_socket_of_a_killed_daemon_is_replaced_when_on_starts_a_new_one() {
        DeviceUser device = shared.devices().create("stale");
        device.startDaemon();
        device.daemon().kill9();
        assertTrue(Files.exists(device.socket()), "a killed daemon leaves its socket file behind");
        assertFalse(device.acceptsConnections());
        assertTrue(device.status().notRunning(), "a stale socket means not running");

        ProcessResult on = device.cli("on");

        assertEquals(0, on.exitCode(), on::toString);
        Waits.until(START, "the new daemon to listen on the old socket path", device::acceptsConnections);
        assertTrue(device.status().signedOut());
        assertEquals(0, device.cli("off").exitCode());
    }

    @Test
    void garbled_state_file_is_kept_and_status_explains_the_problem() throws Exception {
        DeviceUser device = shared.devices().create("garbled");
        byte[] garbage = "{\"device_id\": \"dev-1\", \"name\": trunc".getBytes(StandardCharsets.UTF_8);
        Path state = device.writeStateFile("state.json", garbage);

        device.startDaemon();

        StatusOutput status = device.status();
        assertEquals(StatusOutput.SIGNED_IN_NO, status.statusLines().get(0), status::toString);
        assertTrue(status.problem().contains("state.json"), "status must explain the garbled file: " + status);
        assertArrayEquals(garbage, Files.readAllBytes(state), "the garbled file must be left as it was");
    }

    @Test
    void root_is_refused_by_the_users_daemon_socket() throws Exception {
        assumeTrue(RunAs.isRoot(), "only meaningful when the tests run as root");
        DeviceUser device = shared.devices().create("not-root");
        device.startDaemon();
        Path rootHome = TempDirs.create("root-home");
        try {
            ProcessResult asRoot = CommandRunner.run("rpi-connect status (as root)",
                    List.of(E2ePaths.launcher("rpi-connect"), "status"), rootEnv(rootHome, device.runtimeDir()),
                    null, Duration.ofSeconds(60));
            CommandRunner.log(shared.devices().logDir().resolve("cli-root.log"), asRoot);

            assertNotEquals(0, asRoot.exitCode(), asRoot::toString);
            assertFalse(asRoot.output().contains("Signed in:"), "root must not get the status: " + asRoot);
            assertTrue(asRoot.output().toLowerCase().contains("permission")
                    || asRoot.output().contains(RunAs.TEST_USER), "root must be told it may not use this "
                    + "daemon (permission, or whose daemon it is): " + asRoot);

            LocalResponse raw = exchange(device.socket(), LocalRequest.of(LocalMethod.STATUS, null));
            assertTrue(raw.result() == null || raw.result().isNull(), "root must not get a result: " + raw);
            assertNotNull(raw.error());
            assertEquals(LocalErrorCode.PERMISSION_DENIED, raw.error().code());
            assertTrue(device.status().signedOut(), "the device's own user is still served");
        } finally {
            TempDirs.deleteRecursively(rootHome);
        }
    }

    @Test
    void daemon_started_as_root_without_allow_root_refuses_to_run() {
        assumeTrue(RunAs.isRoot(), "only meaningful when the tests run as root");
        Path rootHome = TempDirs.create("root-daemon");
        try {
            Path runtime = rootHome.resolve("run");
            ProcessResult r = CommandRunner.run("rpi-connectd -v (as root)",
                    List.of(E2ePaths.launcher("rpi-connectd"), "-v"), rootEnv(rootHome, createDir(runtime)), null,
                    Duration.ofSeconds(30));
            CommandRunner.log(shared.devices().logDir().resolve("daemon-root.log"), r);

            assertNotEquals(0, r.exitCode(), r::toString);
            assertTrue(r.output().contains("--allow-root"), "the refusal must name --allow-root: " + r);
            assertFalse(Files.exists(runtime.resolve("rpi-connect.sock")));
        } finally {
            TempDirs.deleteRecursively(rootHome);
        }
    }

    private static Map<String, String> rootEnv(Path home, Path runtimeDir) {
        String javaHome = System.getProperty("java.home");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
        env.put("PATH", javaHome + "/bin:/usr/local/bin:/usr/bin:/bin");
        env.put("JAVA_HOME", javaHome);
        env.put("LANG", "C.UTF-8");
        env.put("RPI_CONNECT_CLOUD_URL", shared.cloud().url());
        env.put("RPI_CONNECT_SERVICE_MANAGER", "direct");
        return env;
    }

    private static Path createDir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One local-API exchange as the test JVM's user: one request line, one response line. */
    private static LocalResponse exchange(Path socket, LocalRequest request) throws Exception {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try (ch) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            try {
                ch.write(ByteBuffer.wrap((Json.write(request) + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (java.io.IOException e) {
                // a daemon that refuses the peer may answer and close before reading: its answer is still there
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            assertNotNull(line, "the daemon closed the connection without an answer; expected permission_denied");
            return Json.read(line, LocalResponse.class);
        }
    }
}
