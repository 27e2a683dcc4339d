package org.openrpiconnect.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.StatusResult;
import org.openrpiconnect.protocol.local.StatusResult.ServiceStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `on`, `off`, `restart`: direct mode with real processes and a real socket; systemd mode with a stand-in systemctl. */
class OnOffRestartTest {
    private static final StatusResult STATUS = new StatusResult(false, false, new ServiceStatus(true, 0),
            new ServiceStatus(true, 0), null, "http://127.0.0.1:1", null, null);

    @TempDir
    Path runtimeDir;
    @TempDir
    Path home;
    CliRun cli;
    FakeDaemon daemon;
    Process startedDaemon;

    @BeforeEach
    void setUp() {
        cli = new CliRun(runtimeDir, home).env("RPI_CONNECT_SERVICE_MANAGER", "direct");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (daemon != null) daemon.close();
    }

    private Path script(String name, String body) throws Exception {
        Path script = home.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private void startFakeDaemon() throws Exception {
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.answerWith(request -> daemon.ok(STATUS));
    }

    @Test
    void on_when_the_daemon_already_answers_starts_nothing() throws Exception {
        startFakeDaemon();
        Path marker = home.resolve("started");
        cli.env("RPI_CONNECTD", script("rpi-connectd", "touch " + marker).toString());

        CliRun.Result result = cli.run("on");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Raspberry Pi Connect is already running\n", result.out());
        assertFalse(Files.exists(marker));
    }

    @Test
    void on_starts_the_daemon_detached_with_its_output_in_the_state_log_and_waits_for_its_socket() throws Exception {
        Path marker = home.resolve("started");
        // The stand-in daemon records its environment, then idles; the test plays its socket once it ran.
        Path fake = script("rpi-connectd", "echo \"pid=$$ home=$HOME\" > " + marker + ".tmp; mv " + marker + ".tmp "
                + marker + "; echo 'rpi-connectd starting'; exec sleep 30");
        cli.env("RPI_CONNECTD", fake.toString());
        Thread socketOnceStarted = new Thread(() -> {
            try {
                for (int i = 0; i < 100 && !Files.exists(marker); i++) Thread.sleep(50);
                startFakeDaemon();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        socketOnceStarted.start();

        CliRun.Result result = cli.run("on");
        socketOnceStarted.join();

        String recorded = Files.readString(marker);
        ProcessHandle.of(Long.parseLong(recorded.replaceAll("(?s).*pid=(\\d+).*", "$1"))).ifPresent(ProcessHandle::destroy);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Raspberry Pi Connect started (RPI_CONNECT_SERVICE_MANAGER=direct; started rpi-connectd "
                + "directly, log: ~/.local/state/rpi-connect/rpi-connectd.log)\n", result.out());
        assertTrue(recorded.contains("home=" + home), recorded);
        Path log = home.resolve(".local/state/rpi-connect/rpi-connectd.log");
        assertTrue(Files.readString(log).contains("rpi-connectd starting"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    }

    @Test
    void on_with_a_daemon_that_exits_prints_the_end_of_its_log_and_fails() throws Exception {
        Path state = Files.createDirectory(home.resolve("state"));
        cli.env("XDG_STATE_HOME", state.toString());
        Files.createDirectories(state.resolve("rpi-connect"));
        Files.writeString(state.resolve("rpi-connect/rpi-connectd.log"), "an older run's line\n");
        cli.env("RPI_CONNECTD", script("rpi-connectd",
                "echo 'rpi-connectd: cannot read the configuration: bad cloud_url' >&2; exit 3").toString());

        CliRun.Result result = cli.run("on");

        assertEquals(ExitCodes.SERVICE_FAILED, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("rpi-connectd exited with status 3 before it answered."), result.err());
        assertTrue(result.err().contains("rpi-connectd: cannot read the configuration: bad cloud_url"), result.err());
        assertFalse(result.err().contains("an older run's line"), "only this start's lines: " + result.err());
    }

    @Test
    void on_with_a_daemon_command_that_does_not_exist_says_how_to_fix_it() {
        cli.env("RPI_CONNECTD", home.resolve("missing/rpi-connectd").toString());

        CliRun.Result result = cli.run("on");

        assertEquals(ExitCodes.SERVICE_FAILED, result.exitCode());
        assertTrue(result.err().contains("does not exist or is not executable"), result.err());
        assertTrue(result.err().contains("RPI_CONNECTD"), result.err());
    }

    @Test
    void off_asks_the_daemon_to_shut_down_and_waits_until_it_is_gone() throws Exception {
        startFakeDaemon();
        daemon.answerWith(request -> {
            if (request.method() == LocalMethod.SHUTDOWN) {
                new Thread(() -> {
                    try {
                        Thread.sleep(200);
                        daemon.close();
                    } catch (Exception ignored) {
                        // the test's assertions tell
                    }
                }).start();
                return daemon.ok(Map.of());
            }
            return daemon.ok(STATUS);
        });

        CliRun.Result result = cli.run("off");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Raspberry Pi Connect stopped\n", result.out());
        assertTrue(daemon.methods().contains(LocalMethod.SHUTDOWN), daemon.methods().toString());
        assertFalse(Files.exists(runtimeDir.resolve("rpi-connect.sock")));
    }

    @Test
    void off_when_not_running_says_so_and_succeeds() {
        CliRun.Result result = cli.run("off");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Raspberry Pi Connect is not running\n", result.out());
    }

    @Test
    void an_unknown_service_manager_setting_is_a_usage_error() {
        CliRun.Result result = cli.env("RPI_CONNECT_SERVICE_MANAGER", "upstart").run("on");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("RPI_CONNECT_SERVICE_MANAGER must be systemd or direct, not 'upstart'"),
                result.err());
    }

    @Test
    void without_a_reachable_user_manager_on_runs_the_daemon_directly() throws Exception {
        startFakeDaemon(); // already answering, so nothing is started
        FakeCommandRunner systemctl = new FakeCommandRunner(cli.environment(),
                command -> FakeCommandRunner.failed("Failed to connect to bus: No medium found"));
        cli.env("RPI_CONNECT_SERVICE_MANAGER", "").commandRunner(systemctl);

        CliRun.Result result = cli.run("on");

        assertEquals("Raspberry Pi Connect is already running\n", result.out());
        assertEquals(List.of(List.of("systemctl", "--user", "show-environment")), systemctl.commands);
    }

    @Test
    void with_a_reachable_user_manager_on_enables_and_starts_both_units() throws Exception {
        startFakeDaemon();
        FakeCommandRunner systemctl = new FakeCommandRunner(cli.environment(), command -> FakeCommandRunner.ok());
        cli.env("RPI_CONNECT_SERVICE_MANAGER", "").commandRunner(systemctl);

        CliRun.Result result = cli.run("on");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Raspberry Pi Connect started (systemd user services rpi-connect.service and "
                + "rpi-connect-wayvnc.service)\n", result.out());
        assertTrue(systemctl.commands.contains(List.of("systemctl", "--user", "enable", "--now",
                "rpi-connect.service", "rpi-connect-wayvnc.service")), systemctl.commands.toString());
    }

    @Test
    void systemd_on_and_restart_unmask_the_units_that_off_masked_before_starting_them() throws Exception {
        startFakeDaemon();
        FakeCommandRunner systemctl = new FakeCommandRunner(cli.environment(), command -> command.contains("cat")
                ? FakeCommandRunner.failed("") : FakeCommandRunner.ok());
        cli.env("RPI_CONNECT_SERVICE_MANAGER", "systemd").commandRunner(systemctl);
        List<String> unmask = List.of("systemctl", "--user", "unmask", "rpi-connect.service");

        CliRun.Result on = cli.run("on");
        List<List<String>> onCommands = List.copyOf(systemctl.commands);
        systemctl.commands.clear();
        CliRun.Result restart = cli.run("restart");

        assertEquals(0, on.exitCode(), on.err());
        assertEquals(0, restart.exitCode(), restart.err());
        int enable = onCommands.indexOf(List.of("systemctl", "--user", "enable", "--now", "rpi-connect.service"));
        assertTrue(onCommands.indexOf(unmask) >= 0 && onCommands.indexOf(unmask) < enable, onCommands.toString());
        int restartAt = systemctl.commands.indexOf(List.of("systemctl", "--user", "restart", "rpi-connect.service"));
        assertTrue(systemctl.commands.indexOf(unmask) >= 0 && systemctl.commands.indexOf(unmask) < restartAt,
                systemctl.commands.toString());
    }

    @Test
    void systemd_off_masks_the_units_so_that_their_enablement_for_all_users_does_not_start_them_at_the_next_login()
            throws Exception {
        FakeCommandRunner systemctl = new FakeCommandRunner(cli.environment(), command -> FakeCommandRunner.ok());
        cli.env("RPI_CONNECT_SERVICE_MANAGER", "systemd").commandRunner(systemctl);

        CliRun.Result result = cli.run("off");

        assertEquals(0, result.exitCode(), result.err());
        int disable = systemctl.commands.indexOf(List.of("systemctl", "--user", "disable", "--now",
                "rpi-connect.service", "rpi-connect-wayvnc.service"));
        int mask = systemctl.commands.indexOf(List.of("systemctl", "--user", "mask", "rpi-connect.service",
                "rpi-connect-wayvnc.service"));
        assertTrue(disable >= 0 && mask > disable, systemctl.commands.toString());
    }

    @Test
    void systemd_on_without_the_wayvnc_unit_starts_only_the_daemon_unit() throws Exception {
        startFakeDaemon();
        FakeCommandRunner systemctl = new FakeCommandRunner(cli.environment(), command -> command.contains("cat")
                ? FakeCommandRunner.failed("No files found for rpi-connect-wayvnc.service.") : FakeCommandRunner.ok());
        cli.env("RPI_CONNECT_SERVICE_MANAGER", "systemd").commandRunner(systemctl);

        CliRun.Result result = cli.run("on");

        assertEquals("Raspberry Pi Connect started (systemd user service rpi-connect.service)\n", result.out());
        assertTrue(systemctl.commands.contains(List.of("systemctl", "--user", "enable", "--now", "rpi-connect.service")),
                systemctl.commands.toString());
    }

    @Test
    void systemd_off_and_restart_use_disable_now_and_restart() throws Exception {
        startFakeDaemon();
        FakeCommandRunner systemctl = new FakeCommandRunner(cli.environment(), command -> command.contains("cat")
                ? FakeCommandRunner.failed("") : FakeCommandRunner.ok());
        cli.env("RPI_CONNECT_SERVICE_MANAGER", "systemd").commandRunner(systemctl);

        CliRun.Result restart = cli.run("restart");
        daemon.close(); // the unit stopped it
        daemon = null;
        CliRun.Result off = cli.run("off");

        assertEquals("Raspberry Pi Connect restarted (systemd user service rpi-connect.service)\n", restart.out());
        assertEquals("Raspberry Pi Connect stopped (systemd user service rpi-connect.service)\n", off.out());
        assertTrue(systemctl.commands.contains(List.of("systemctl", "--user", "restart", "rpi-connect.service")));
        assertTrue(systemctl.commands.contains(List.of("systemctl", "--user", "disable", "--now", "rpi-connect.service")));
    }

    @Test
    void a_failing_systemctl_is_reported_with_its_output() {
        FakeCommandRunner systemctl = new FakeCommandRunner(cli.environment(), command -> command.contains("enable")
                ? FakeCommandRunner.failed("Failed to enable unit: Unit file rpi-connect.service does not exist.")
                : command.contains("unmask") ? FakeCommandRunner.ok() : FakeCommandRunner.failed(""));
        cli.env("RPI_CONNECT_SERVICE_MANAGER", "systemd").commandRunner(systemctl);

        CliRun.Result result = cli.run("on");

        assertEquals(ExitCodes.SERVICE_FAILED, result.exitCode());
        assertTrue(result.err().contains("Unit file rpi-connect.service does not exist."), result.err());
    }
}
