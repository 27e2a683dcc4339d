package org.openrpiconnect.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.DaemonHarness;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.ServiceParams;
import org.openrpiconnect.protocol.local.StatusResult;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

/** Start-up, services, shutdown: the daemon without a cloud (nothing listens on the configured URL). */
@Timeout(60)
class DaemonLifecycleTest {
    @TempDir
    Path tmp;

    private DaemonHarness daemon;

    @AfterEach
    void tearDown() {
        if (daemon != null) daemon.close();
    }

    private DaemonHarness started() throws Exception {
        daemon = new DaemonHarness(tmp, "http://127.0.0.1:9").start();
        return daemon;
    }

    @Test
    void fresh_daemon_is_signed_out_with_both_services_allowed_and_no_problem() throws Exception {
        StatusResult s = started().status();
        assertFalse(s.signedIn());
        assertFalse(s.subscribed());
        assertEquals(new StatusResult.ServiceStatus(true, 0), s.screenSharing());
        assertEquals(new StatusResult.ServiceStatus(true, 0), s.remoteShell());
        assertEquals("http://127.0.0.1:9", s.cloudUrl());
        assertNull(s.problem());
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(daemon.stateDir())));
    }

    @Test
    void service_settings_are_returned_and_survive_a_restart() throws Exception {
        started();
        StatusResult s = daemon.result(LocalMethod.SET_SERVICE, new ServiceParams("shell", false), StatusResult.class);
        assertFalse(s.remoteShell().allowed());
        assertTrue(s.screenSharing().allowed());

        daemon.result(LocalMethod.SET_SERVICE, new ServiceParams("vnc", false), StatusResult.class);
        daemon.restart();

        StatusResult after = daemon.status();
        assertFalse(after.remoteShell().allowed());
        assertFalse(after.screenSharing().allowed());
    }

    @Test
    void unknown_service_is_a_bad_request_naming_the_valid_ones() throws Exception {
        var r = started().call(LocalMethod.SET_SERVICE, new ServiceParams("ssh", true));
        assertEquals(LocalErrorCode.BAD_REQUEST, r.error().code());
        assertEquals("Unknown service 'ssh': use vnc or shell.", r.error().message());
    }

    @Test
    void garbled_settings_use_defaults_with_a_problem_until_rewritten_and_the_old_file_is_kept() throws Exception {
        daemon = new DaemonHarness(tmp, "http://127.0.0.1:9");
        Files.createDirectories(daemon.stateDir());
        Files.writeString(daemon.stateDir().resolve("settings.json"), "{\"vnc_allowed\": fal");
        daemon.start();

        StatusResult s = daemon.status();
        assertTrue(s.screenSharing().allowed());
        assertTrue(s.problem().contains("settings.json is unreadable"), s.problem());

        StatusResult fixed = daemon.result(LocalMethod.SET_SERVICE, new ServiceParams("vnc", false), StatusResult.class);

        assertNull(fixed.problem());
        assertFalse(fixed.screenSharing().allowed());
        try (Stream<Path> files = Files.list(daemon.stateDir())) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("settings.json.garbled-")));
        }
    }

    @Test
    void shutdown_answers_then_stops_and_removes_the_socket() throws Exception {
        started();
        assertTrue(daemon.call(LocalMethod.SHUTDOWN, null).ok());
        eventually(Duration.ofSeconds(5), "socket removed", () -> !Files.exists(daemon.socket()));
    }

    @Test
    void second_daemon_with_the_same_runtime_dir_refuses_to_start() throws Exception {
        started();
        StartupException e = assertThrows(StartupException.class,
                () -> Daemon.start(new DaemonEnvironment(daemon.env()), new Daemon.Options(null)));
        assertEquals("rpi-connectd is already running (" + daemon.socket() + ")", e.getMessage());
        assertTrue(daemon.status() != null, "the first one still serves");
    }

    @Test
    void missing_xdg_runtime_dir_is_a_clear_startup_error() throws Exception {
        daemon = new DaemonHarness(tmp, "http://127.0.0.1:9");
        daemon.env().remove("XDG_RUNTIME_DIR");
        StartupException e = assertThrows(StartupException.class, daemon::start);
        assertTrue(e.getMessage().startsWith("XDG_RUNTIME_DIR is not set"), e.getMessage());
    }

    @Test
    void bad_cloud_url_is_a_clear_startup_error() throws Exception {
        daemon = new DaemonHarness(tmp, "ftp://example.org");
        StartupException e = assertThrows(StartupException.class, daemon::start);
        assertTrue(e.getMessage().contains("RPI_CONNECT_CLOUD_URL"), e.getMessage());
        assertFalse(Files.exists(daemon.socket()), "no socket left behind");
    }

    @Test
    void running_as_root_is_refused_without_allow_root() {
        Assumptions.assumeTrue(RootGuard.runningAsRoot(), "needs root, as in CI");
        Assumptions.assumeFalse("1".equals(System.getenv(DaemonEnvironment.ALLOW_ROOT)));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new Main()).execute();
        } finally {
            System.setErr(old);
        }
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("run it as your user, or pass --allow-root inside "
                + "a container"));
    }

    @Test
    void version_option_prints_the_product_version() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
        assertEquals(0, cmd.execute("--version"));
        assertEquals("rpi-connectd " + org.openrpiconnect.protocol.Version.current(),
                out.toString(StandardCharsets.UTF_8).trim());
    }
}
