package org.openrpiconnect.cli.service;

import org.openrpiconnect.cli.CliContext;
import org.openrpiconnect.cli.Env;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs rpi-connectd without a service manager (containers, CI, a desktop without a systemd user manager): started
 * detached with its output appended to a log file, stopped through the local API.
 */
public final class DirectServiceManager implements ServiceManager {
    static final String DEFAULT_DAEMON = "/usr/bin/rpi-connectd";
    static final Duration START_LIMIT = Duration.ofSeconds(15);
    private static final int LOG_LINES_ON_FAILURE = 20;

    private final CliContext context;
    private final String reason;
    private final DaemonWaiter waiter;

    /** @param reason why the daemon is run directly, for the "started" message */
    public DirectServiceManager(CliContext context, String reason) {
        this.context = context;
        this.reason = reason;
        this.waiter = new DaemonWaiter(context.daemon());
    }

    @Override
    public void on() {
        if (waiter.isRunning()) {
            context.out().println("Raspberry Pi Connect is already running");
            return;
        }
        Env env = context.env();
        DaemonLog log = new DaemonLog(env.stateHome());
        start(log);
        context.out().println("Raspberry Pi Connect started (" + reason + "; started rpi-connectd directly, log: "
                + env.displayPath(log.file()) + ")");
    }

    @Override
    public void off() {
        if (!waiter.isRunning()) {
            context.out().println("Raspberry Pi Connect is not running");
            return;
        }
        new DaemonShutdown(context.daemon(), waiter).run();
        context.out().println("Raspberry Pi Connect stopped");
    }

    @Override
    public void restart() {
        off();
        on();
    }

    private void start(DaemonLog log) {
        String daemon = daemonCommand();
        long logOffset;
        Process process;
        try {
            log.create();
            logOffset = log.size();
            ProcessBuilder pb = new ProcessBuilder(detached(daemon))
                    .directory(workingDirectory())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()));
            pb.environment().clear();
            pb.environment().putAll(context.env().variables());
            process = pb.start();
        } catch (IOException e) {
            throw new ServiceControlException("Cannot start " + daemon + ": " + e.getMessage());
        }
        // setsid forks only when it is a process group leader, and then exits 0 at once: only a failure status
        // means the daemon is gone.
        boolean answering = waiter.awaitAnswering(START_LIMIT, () -> !process.isAlive() && process.exitValue() != 0);
        if (answering) return;
        String logName = context.env().displayPath(log.file());
        if (!process.isAlive() && process.exitValue() != 0) {
            List<String> tail = log.tail(logOffset, LOG_LINES_ON_FAILURE);
            throw new ServiceControlException("rpi-connectd exited with status " + process.exitValue()
                    + " before it answered. " + (tail.isEmpty() ? "Its log " + logName + " is empty."
                    : "Last lines of " + logName + ":\n" + String.join("\n", tail)));
        }
        throw new ServiceControlException("rpi-connectd was started but did not answer within "
                + START_LIMIT.toSeconds() + " s; see " + logName + ", then run rpi-connect restart");
    }

    private String daemonCommand() {
        String daemon = context.env().get(Env.DAEMON_COMMAND);
        if (daemon == null) daemon = DEFAULT_DAEMON;
        if (daemon.contains("/") && !Files.isExecutable(Path.of(daemon))) {
            throw new ServiceControlException("Cannot start rpi-connectd: " + daemon + " does not exist or is not "
                    + "executable; install rpi-connect, or set RPI_CONNECTD to the rpi-connectd to run");
        }
        return daemon;
    }

    /** In its own session (setsid) when available, so that closing the terminal does not take the daemon down. */
    private List<String> detached(String daemon) {
        List<String> command = new ArrayList<>();
        Path setsid = findOnPath("setsid");
        if (setsid != null) command.add(setsid.toString());
        command.add(daemon);
        return command;
    }

    private Path findOnPath(String program) {
        String path = context.env().get("PATH");
        if (path == null) path = "/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    /** $HOME, so the daemon does not keep the caller's current directory (a mount, a deleted folder) busy. */
    private File workingDirectory() {
        String home = context.env().get(Env.HOME);
        return home != null && Files.isDirectory(Path.of(home)) ? new File(home) : new File("/");
    }
}
