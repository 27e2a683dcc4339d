package org.openrpiconnect.cli.service;

import org.openrpiconnect.cli.CliContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs rpi-connectd as the systemd user service rpi-connect.service (with rpi-connect-wayvnc.service if installed). */
public final class SystemdServiceManager implements ServiceManager {
    static final String DAEMON_UNIT = "rpi-connect.service";
    static final String WAYVNC_UNIT = "rpi-connect-wayvnc.service";
    /** systemctl waits for its jobs; stopping a unit may take its stop timeout (90 s by default). */
    private static final Duration SYSTEMCTL_TIMEOUT = Duration.ofSeconds(100);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);
    static final Duration START_LIMIT = Duration.ofSeconds(15);

    private final CliContext context;
    private final CommandRunner runner;
    private final DaemonWaiter waiter;

    public SystemdServiceManager(CliContext context) {
        this.context = context;
        this.runner = context.commandRunner();
        this.waiter = new DaemonWaiter(context.daemon());
    }

    @Override
    public void on() {
        List<String> units = units();
        systemctl("unmask", null, units);
        systemctl("enable", "--now", units);
        awaitDaemon();
        context.out().println("Raspberry Pi Connect started (" + describe(units) + ")");
    }

    @Override
    public void off() {
        List<String> units = units();
        systemctl("disable", "--now", units);
        // The package enables the units for all users (/etc/systemd/user), which a user's disable cannot undo: without
        // the mask the daemon would start again at the next login. `on` and `restart` unmask.
        systemctl("mask", null, units);
        // A daemon started directly earlier (outside systemd) would keep running: off means off.
        if (waiter.isRunning()) new DaemonShutdown(context.daemon(), waiter).run();
        context.out().println("Raspberry Pi Connect stopped (" + describe(units) + ")");
    }

    @Override
    public void restart() {
        List<String> units = units();
        systemctl("unmask", null, units);
        systemctl("restart", null, units);
        awaitDaemon();
        context.out().println("Raspberry Pi Connect restarted (" + describe(units) + ")");
    }

    /** rpi-connect.service, plus the wayvnc unit when it is installed (rpi-connect-lite has none). */
    private List<String> units() {
        List<String> units = new ArrayList<>(List.of(DAEMON_UNIT));
        if (runner.run(List.of("systemctl", "--user", "cat", WAYVNC_UNIT), QUERY_TIMEOUT).ok()) units.add(WAYVNC_UNIT);
        return units;
    }

    private void systemctl(String verb, String flag, List<String> units) {
        List<String> command = new ArrayList<>(List.of("systemctl", "--user", verb));
        if (flag != null) command.add(flag);
        command.addAll(units);
        CommandRunner.Result result = runner.run(command, SYSTEMCTL_TIMEOUT);
        if (!result.ok()) {
            throw new ServiceControlException(String.join(" ", command) + " failed (exit code " + result.exitCode()
                    + ")" + (result.output().isEmpty() ? "" : ":\n" + result.output())
                    + "\nSee systemctl --user status " + DAEMON_UNIT + " and journalctl --user-unit " + DAEMON_UNIT);
        }
    }

    private void awaitDaemon() {
        if (!waiter.awaitAnswering(START_LIMIT, () -> false)) {
            throw new ServiceControlException(DAEMON_UNIT + " was started but rpi-connectd did not answer within "
                    + START_LIMIT.toSeconds() + " s; see systemctl --user status " + DAEMON_UNIT
                    + " and journalctl --user-unit " + DAEMON_UNIT);
        }
    }

    private static String describe(List<String> units) {
        return units.size() == 1 ? "systemd user service " + units.get(0)
                : "systemd user services " + String.join(" and ", units);
    }
}
