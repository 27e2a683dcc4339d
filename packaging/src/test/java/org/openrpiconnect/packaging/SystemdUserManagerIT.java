package org.openrpiconnect.packaging;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installed package under a real {@code systemd --user} manager: the units the package put in
 * /usr/lib/systemd/user and enabled for all users, driven by the installed {@code rpi-connect on}, {@code off} and
 * {@code restart}, which find the manager themselves and go through systemctl. Opt-in with
 * {@code -Drpi.systemd.manager=true}: besides installing the package as root (like {@link InstallIT}) it runs a user
 * manager outside a login session (see {@link UserManager}), which is more than most machines should do in a test.
 * The manager, its cgroup and the package go at the end whatever happened, and no process of the test user may be
 * left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemdUserManagerIT {
    static final String FLAG = "rpi.systemd.manager";
    private static final String DAEMON_UNIT = "rpi-connect.service";
    private static final String BOTH_UNITS = "(systemd user services rpi-connect.service and rpi-connect-wayvnc.service)";
    private static final String NOT_RUNNING = "Raspberry Pi Connect is not running, run rpi-connect on";
    private static final Duration CLI_LIMIT = Duration.ofSeconds(120);
    private static final Duration DAEMON_START_LIMIT = Duration.ofSeconds(60);

    private Path work;
    private TestUser user;
    private Path daemonLog;
    private UserManager manager;
    private boolean installedHere;

    @BeforeAll
    void installThePackageAndStartAUserManager() throws Exception {
        ClassSkip.unless(Boolean.getBoolean(FLAG), SystemdUserManagerIT.class, "starts a real systemd --user manager "
                + "only when asked: mvn -pl packaging -am verify -D" + FLAG + "=true, as root (packaging/README.md)");
        ClassSkip.unlessPackagesCanBeInstalled(SystemdUserManagerIT.class);
        String unsupported = UserManager.unsupportedReason();
        ClassSkip.unless(unsupported == null, SystemdUserManagerIT.class, unsupported);
        work = WorkDir.create("rpi-connect-systemd-test");
        user = TestUser.in(work);
        daemonLog = user.home().resolve("rpi-connectd.log");
        // No journal here: the daemon's output goes to a file, through a drop-in only this test writes.
        writeDropIn("test-output.conf", "[Service]\nStandardOutput=append:" + daemonLog + "\nStandardError=inherit\n");

        installedHere = true;
        AptPackages.install(Debs.of(Flavour.FULL, DebianArch.AMD64));
        manager = startManager();
    }

    @AfterAll
    void stopTheManagerAndPurgeThePackage() throws Exception {
        List<String> left = List.of();
        try {
            if (manager != null) {
                manager.close();
                left = manager.leftAfterStop();
            }
        } finally {
            try {
                if (installedHere) AptPackages.purgeAllQuietly();
            } finally {
                if (work != null) WorkDir.delete(work);
            }
        }
        assertEquals(List.of(), left, "processes left after the user manager stopped (killed)");
        if (user != null) assertEquals(List.of(), user.processes(), "processes of the test user left");
    }

    @Test
    @Order(1)
    void the_unit_the_package_enabled_for_all_users_starts_the_daemon_with_the_user_manager() throws Exception {
        awaitSocket();

        assertEquals("active", isActive());
        assertDaemonRunsInTheUnitsCgroup();
        assertSignedOutStatus();
    }

    @Test
    @Order(2)
    void off_stops_the_daemon_through_systemctl() throws Exception {
        Run off = cli("off");

        assertEquals(0, off.exitCode(), off.describe());
        assertEquals("Raspberry Pi Connect stopped " + BOTH_UNITS, off.output().strip());
        assertEquals("inactive", isActive(), "a daemon stopped by systemd must not leave the unit failed");
        assertFalse(Files.exists(socket()), "the daemon left its socket");
        assertTrue(daemonLog().contains("rpi-connectd stopping"), daemonLog());
        Run status = cli("status");
        assertEquals(3, status.exitCode(), status.describe());
        assertTrue(status.output().contains(NOT_RUNNING), status.describe());
    }

    @Test
    @Order(3)
    void after_off_the_daemon_stays_off_at_the_next_login() throws Exception {
        manager.close();
        assertEquals(List.of(), manager.leftAfterStop(), "processes left after the user manager stopped (killed)");

        manager = startManager();

        assertNotEquals("active", isActive());
        assertFalse(Files.exists(socket()), "the daemon started at login after rpi-connect off");
    }

    @Test
    @Order(4)
    void on_enables_and_starts_the_daemon_through_systemctl() throws Exception {
        Run on = cli("on");

        assertEquals(0, on.exitCode(), on.describe());
        assertEquals("Raspberry Pi Connect started " + BOTH_UNITS, on.output().strip());
        assertEquals("active", isActive());
        assertEquals("enabled", manager.systemctl("is-enabled", DAEMON_UNIT).output().strip());
        assertTrue(Files.exists(socket()));
        assertDaemonRunsInTheUnitsCgroup();
        assertSignedOutStatus();
    }

    @Test
    @Order(5)
    void restart_replaces_the_daemon_process() throws Exception {
        long before = manager.mainPid(DAEMON_UNIT);
        assertNotEquals(0, before, "the daemon is not running (see the test before)");

        Run restart = cli("restart");

        assertEquals(0, restart.exitCode(), restart.describe());
        assertEquals("Raspberry Pi Connect restarted " + BOTH_UNITS, restart.output().strip());
        assertEquals("active", isActive());
        long after = assertDaemonRunsInTheUnitsCgroup();
        assertNotEquals(before, after, "restart kept the same main process");
        assertFalse(ProcessHandle.of(before).isPresent(), "the old daemon still runs");
        assertSignedOutStatus();
    }

    /** The user documentation's troubleshooting: an override adds -v, then rpi-connect restart. */
    @Test
    @Order(6)
    void the_documented_debug_override_turns_on_debug_logging_at_restart() throws Exception {
        String debugLine = "wayvnc socket: " + user.runtime().resolve("rpi-connect-wayvnc.sock");
        assertFalse(daemonLog().contains(debugLine), "debug logging was on before the override");
        writeDropIn("override.conf", "[Service]\nExecStart=\n"
                + "ExecStart=/usr/bin/rpi-connectd -socket %t/rpi-connect-wayvnc.sock -v\n");
        manager.systemctl("daemon-reload").ok();

        Run restart = cli("restart");

        assertEquals(0, restart.exitCode(), restart.describe());
        assertTrue(daemonLog().contains(debugLine), daemonLog());
        assertTrue(commandLine(manager.mainPid(DAEMON_UNIT)).endsWith(" -v"));
    }

    @Test
    @Order(7)
    void off_after_on_stops_the_daemon_and_removes_its_socket() throws Exception {
        long daemon = manager.mainPid(DAEMON_UNIT);

        Run off = cli("off");

        assertEquals(0, off.exitCode(), off.describe());
        assertEquals("Raspberry Pi Connect stopped " + BOTH_UNITS, off.output().strip());
        assertEquals("inactive", isActive());
        assertFalse(Files.exists(socket()), "the daemon left its socket");
        assertFalse(ProcessHandle.of(daemon).isPresent(), "the daemon still runs");
    }

    @Test
    @Order(8)
    void restart_after_off_starts_the_daemon_again() throws Exception {
        Run restart = cli("restart");

        assertEquals(0, restart.exitCode(), restart.describe());
        assertEquals("Raspberry Pi Connect restarted " + BOTH_UNITS, restart.output().strip());
        assertEquals("active", isActive());
        assertDaemonRunsInTheUnitsCgroup();
    }

    private UserManager startManager() throws IOException, InterruptedException {
        return UserManager.start(user, work.resolve("systemd-user-" + System.nanoTime() + ".log"));
    }

    /** The installed CLI as the test user, with nothing that tells it how to run the daemon: it finds the manager. */
    private Run cli(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "rpi-connect";
        System.arraycopy(args, 0, command, 1, args.length);
        return manager.run(Map.of(), CLI_LIMIT, command);
    }

    private String isActive() {
        return manager.systemctl("is-active", DAEMON_UNIT).output().strip();
    }

    private void assertSignedOutStatus() {
        Run status = cli("status");
        assertEquals(0, status.exitCode(), status.describe());
        assertTrue(status.output().startsWith("Signed in: no\n"), status.describe());
    }

    /** The unit's main process is the daemon's JVM, in the unit's cgroup below the manager's; returns its PID. */
    private long assertDaemonRunsInTheUnitsCgroup() throws IOException {
        long pid = manager.mainPid(DAEMON_UNIT);
        assertNotEquals(0, pid, "rpi-connect.service has no main process");
        assertTrue(commandLine(pid).contains("org.openrpiconnect.daemon.Main"), commandLine(pid));
        String cgroups = Files.readString(Path.of("/proc", Long.toString(pid), "cgroup"));
        assertTrue(cgroups.lines().anyMatch(l -> l.endsWith(":" + manager.unitCgroup(DAEMON_UNIT))), cgroups);
        return pid;
    }

    private void awaitSocket() throws Exception {
        long deadline = System.nanoTime() + DAEMON_START_LIMIT.toNanos();
        while (!Files.exists(socket())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no daemon socket within " + DAEMON_START_LIMIT.toSeconds()
                        + " s; the daemon's log:\n" + daemonLog()
                        + "\nthe manager's log:\n" + manager.log());
            }
            Thread.sleep(200);
        }
    }

    private Path socket() {
        return user.runtime().resolve("rpi-connect.sock");
    }

    private String daemonLog() throws IOException {
        return Files.exists(daemonLog) ? Files.readString(daemonLog) : "";
    }

    private static String commandLine(long pid) throws IOException {
        byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        return new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' ').strip();
    }

    /** A drop-in of rpi-connect.service in the test user's ~/.config/systemd/user, as `systemctl --user edit` makes. */
    private void writeDropIn(String name, String text) throws IOException {
        Path config = user.home().resolve(".config");
        Path dir = Files.createDirectories(config.resolve("systemd/user/rpi-connect.service.d"));
        Files.writeString(dir.resolve(name), text);
        TestUser.own(config);
    }
}
