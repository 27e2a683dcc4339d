package org.openrpiconnect.packaging;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code systemd --user} manager for the test user on a machine whose PID 1 is not systemd. It runs in a
 * delegated cgroup and in a private mount namespace, where a tmpfs on /run/systemd holds /run/systemd/system (what
 * systemctl looks for to treat the machine as booted with systemd); so what talks to it (systemctl --user, the CLI)
 * runs in that mount namespace too (nsenter). There is no journal: a unit's output goes where a drop-in sends it.
 * {@link #close()} stops the manager and removes its cgroup whatever state it is in, and tells what it had to kill.
 */
final class UserManager implements AutoCloseable {
    static final Path SYSTEMD = Path.of("/usr/lib/systemd/systemd");
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    private static final Duration SYSTEMCTL_LIMIT = Duration.ofSeconds(100);
    private static final String MOVE_INTO_CGROUP =
            "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 1; shift; done; shift; exec \"$@\"";
    private static final String MOUNT_RUN_SYSTEMD =
            "mount -t tmpfs -o mode=0755 tmpfs /run/systemd && mkdir /run/systemd/system && exec \"$@\"";

    private final TestUser user;
    private final DelegatedCgroup cgroup;
    private final Process process;
    private final Path log;
    private List<String> leftAfterStop;

    private UserManager(TestUser user, DelegatedCgroup cgroup, Process process, Path log) {
        this.user = user;
        this.cgroup = cgroup;
        this.process = process;
        this.log = log;
    }

    /** Why no manager can run here, or null. */
    static String unsupportedReason() {
        if (!Files.isExecutable(SYSTEMD)) return SYSTEMD + " is not installed (apt-get install systemd)";
        for (String tool : List.of("unshare", "nsenter", "setpriv")) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool))) return tool + " is not installed (util-linux)";
        }
        if (!Files.isDirectory(Path.of("/run/systemd"))) return "/run/systemd does not exist";
        if (DelegatedCgroup.hierarchies().isEmpty()) return "no cgroup hierarchy for systemd under /sys/fs/cgroup";
        return null;
    }

    /** Starts the manager (its own output to log) and waits until it has started its default target. */
    static UserManager start(TestUser user, Path log) throws IOException, InterruptedException {
        DelegatedCgroup cgroup = DelegatedCgroup.create(
                "rpi-connect-test-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis(), TestUser.NAME);
        List<String> command = new ArrayList<>(List.of("sh", "-c", MOVE_INTO_CGROUP, "sh"));
        cgroup.procsFiles().forEach(f -> command.add(f.toString()));
        command.addAll(List.of("--", "unshare", "--mount", "--propagation", "private", "sh", "-c", MOUNT_RUN_SYSTEMD,
                "sh"));
        command.addAll(user.command(Map.of(), SYSTEMD.toString(), "--user", "--log-target=console"));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            cgroup.remove();
            throw e;
        }
        UserManager manager = new UserManager(user, cgroup, process, log);
        try {
            manager.awaitStarted();
        } catch (RuntimeException | Error | InterruptedException e) {
            manager.close();
            throw e;
        }
        return manager;
    }

    private void awaitStarted() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        String state = "";
        while (System.nanoTime() < deadline && process.isAlive()) {
            state = systemctl("is-system-running").output().strip();
            if (state.equals("running") || state.equals("degraded")) return;
            Thread.sleep(200);
        }
        throw new AssertionError("systemd --user did not start within " + START_LIMIT.toSeconds() + " s (state '"
                + state + "', " + (process.isAlive() ? "running" : "exited") + "):\n" + Files.readString(log));
    }

    /** {@code systemctl --user ARGS} as the user, in the manager's mount namespace. */
    Run systemctl(String... args) {
        List<String> command = new ArrayList<>(List.of("systemctl", "--user"));
        command.addAll(List.of(args));
        return run(Map.of(), SYSTEMCTL_LIMIT, command.toArray(new String[0]));
    }

    /** A command as the user (with the user's HOME, XDG_RUNTIME_DIR and extraEnv) in the manager's mount namespace. */
    Run run(Map<String, String> extraEnv, Duration timeout, String... command) {
        List<String> inside = new ArrayList<>(List.of("nsenter", "-t", Long.toString(process.pid()), "-m"));
        inside.addAll(user.command(extraEnv, command));
        return Run.of(inside, null, timeout);
    }

    /** The unit's main PID, 0 when it has none (not running). */
    long mainPid(String unit) {
        return Long.parseLong(systemctl("show", "--property=MainPID", "--value", unit).ok().output().strip());
    }

    /** The cgroup a unit of this manager runs in, as /proc/PID/cgroup shows it. */
    String unitCgroup(String unit) {
        return cgroup.path() + "/app.slice/" + unit;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * SIGTERM, which makes a user manager stop its units and exit; then SIGKILL to whatever is left in its cgroup or
     * runs with the user's HOME (what the orderly stop missed is kept for {@link #leftAfterStop()}); then the cgroup
     * goes.
     */
    @Override
    public void close() throws InterruptedException {
        if (leftAfterStop != null) return;
        try {
            process.destroy();
            process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            Set<Long> left = new TreeSet<>(cgroup.pids());
            user.processes().forEach(p -> left.add(p.pid()));
            leftAfterStop = left.stream().map(UserManager::describe).toList();
            process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!cgroup.killAll(STOP_LIMIT) || !user.killProcesses(STOP_LIMIT)) {
                throw new AssertionError("processes still there after SIGKILL: cgroup " + cgroup.path() + " "
                        + cgroup.pids() + ", with the test user's HOME " + user.processes());
            }
        } finally {
            if (leftAfterStop == null) leftAfterStop = List.of("(close failed)");
            cgroup.remove();
        }
    }

    /** What was still running after the manager's orderly stop (and was then killed): "PID command" each. */
    List<String> leftAfterStop() {
        return leftAfterStop == null ? List.of() : leftAfterStop;
    }

    private static String describe(long pid) {
        return pid + " " + ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("(gone)");
    }
}
