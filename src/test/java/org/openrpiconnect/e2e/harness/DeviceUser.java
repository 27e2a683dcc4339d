package org.openrpiconnect.e2e.harness;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One device: a private HOME and XDG_RUNTIME_DIR (0700, owned by the run-as user), a {@link Board}, and the cloud
 * it talks to. Runs the real CLI and daemon as the run-as user (see {@link RunAs}) with exactly the environment
 * the README documents, and {@code RPI_CONNECT_SERVICE_MANAGER=direct}. Logs: &lt;logDir&gt;/cli-NAME.log and
 * daemon-NAME.log.
 */
public final class DeviceUser implements AutoCloseable {
    public static final String STATE_DIR = ".config/com.raspberrypi.connect";
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DAEMON_START_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path base;
    private final Path home;
    private final Path runtimeDir;
    private final CloudProcess cloud;
    private final Path logDir;
    private Board board;
    private ManagedProcess daemon;
    private int cliRuns;

    private DeviceUser(String name, Path base, Board board, CloudProcess cloud, Path logDir) {
        this.name = name;
        this.base = base;
        this.home = RunAs.privateDir(base.resolve("home"));
        this.runtimeDir = RunAs.privateDir(base.resolve("run"));
        this.board = board;
        this.cloud = cloud;
        this.logDir = logDir;
        ProcessReaper.watchHome(home);
    }

    /** A device with its own board (random serial number). {@code name} must be unique within the test. */
    public static DeviceUser create(String name, CloudProcess cloud, Path logDir) {
        Path base = TempDirs.create("dev-" + name);
        return new DeviceUser(name, base, Board.create(base, name), cloud, logDir);
    }

    public String name() {
        return name;
    }

    public Board board() {
        return board;
    }

    public Path home() {
        return home;
    }

    public Path runtimeDir() {
        return runtimeDir;
    }

    public Path stateDir() {
        return home.resolve(STATE_DIR);
    }

    public Path socket() {
        return runtimeDir.resolve("rpi-connect.sock");
    }

    public Path daemonLog() {
        return logDir.resolve("daemon-" + name + ".log");
    }

    /** The SD card moves to another board: same HOME and state, another serial number from the next start on. */
    public Board moveToNewBoard(String boardName) {
        board = Board.create(base, boardName);
        return board;
    }

    /** The environment of every device-side process, nothing else (README, "Environment"). */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        String javaHome = System.getProperty("java.home");
        env.put("HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
        env.put("PATH", javaHome + "/bin:/usr/local/bin:/usr/bin:/bin");
        env.put("JAVA_HOME", javaHome);
        env.put("LANG", "C.UTF-8");
        env.put("RPI_CONNECT_CLOUD_URL", cloud.url());
        env.put("RPI_CONNECT_SYSROOT", board.root().toString());
        env.put("RPI_CONNECT_SERVICE_MANAGER", "direct");
        return env;
    }

    /** {@code rpi-connect ARGS} to its end (bounded). */
    public ProcessResult cli(String... args) {
        List<String> cmd = command("rpi-connect", args);
        ProcessResult r = CommandRunner.run(label("rpi-connect", cmd), RunAs.command(environment(), cmd), null, null,
                CLI_TIMEOUT);
        CommandRunner.log(cliLog(), r);
        return r;
    }

    /** {@code rpi-connect ARGS} left running (e.g. {@code signin}, which waits for the browser). */
    public ManagedProcess startCli(String... args) {
        List<String> cmd = command("rpi-connect", args);
        Path log = logDir.resolve("cli-" + name + "-" + (++cliRuns) + ".log");
        return ManagedProcess.start(label("rpi-connect", cmd), RunAs.command(environment(), cmd), null, log);
    }

    public StatusOutput status() {
        return new StatusOutput(cli("status"));
    }

    /** Polls {@code rpi-connect status} until it satisfies {@code condition}; returns that status. */
    public StatusOutput awaitStatus(String what, Duration timeout, Predicate<StatusOutput> condition) {
        StatusOutput[] last = new StatusOutput[1];
        return Waits.until(timeout, "status of " + name + ": " + what, () -> {
            StatusOutput s = status();
            last[0] = s;
            return condition.test(s) ? s : null;
        }, () -> last[0] == null ? "" : last[0].toString());
    }

    /** Starts {@code rpi-connectd -v ARGS} and waits until it accepts connections on its socket. */
    public ManagedProcess startDaemon(String... args) {
        if (daemon != null && daemon.isAlive()) throw new IllegalStateException(name + ": daemon already started");
        List<String> cmd = new ArrayList<>(command("rpi-connectd", "-v"));
        cmd.addAll(Arrays.asList(args));
        daemon = ManagedProcess.start("rpi-connectd(" + name + ")", RunAs.command(environment(), cmd), null,
                daemonLog());
        ManagedProcess started = daemon;
        Waits.until(DAEMON_START_TIMEOUT, name + "'s daemon to accept connections on " + socket(), () -> {
            if (!started.isAlive()) {
                throw new ManagedProcess.ProcessExitedError(started.label() + " exited " + started.stop()
                        + " before listening:\n" + started.output());
            }
            return acceptsConnections() ? Boolean.TRUE : null;
        }, started::output);
        return daemon;
    }

    /** Runs {@code rpi-connectd ARGS} expecting it to end by itself (e.g. a second daemon that must refuse). */
    public ProcessResult runDaemonToExit(Duration timeout, String... args) {
        List<String> cmd = command("rpi-connectd", args);
        ProcessResult r = CommandRunner.run(label("rpi-connectd", cmd), RunAs.command(environment(), cmd), null,
                null, timeout);
        CommandRunner.log(daemonLog(), r);
        return r;
    }

    public ManagedProcess daemon() {
        return daemon;
    }

    public void stopDaemon() {
        if (daemon != null) daemon.stop();
    }

    /** True when something listens on the socket (a stale socket file refuses the connection). */
    public boolean acceptsConnections() {
        if (!Files.exists(socket())) return false;
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Pids of this device's daemons, however they were started (ours, or by {@code rpi-connect on}). */
    public List<Long> daemonPids() {
        return ProcessScan.pidsWithEnvironment("HOME=" + home).stream()
                .filter(pid -> ProcessScan.commandLine(pid).contains("rpi-connectd")).toList();
    }

    /** Drops an auth key where the daemon looks for it: &lt;state dir&gt;/auth.key, 0600, written atomically. */
    public Path writeAuthKeyFile(String authKey) {
        RunAs.privateDir(home.resolve(".config"));
        RunAs.privateDir(stateDir());
        return RunAs.writePrivateFile(stateDir().resolve("auth.key"), (authKey + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file into the state folder as the run-as user (e.g. a garbled state.json). */
    public Path writeStateFile(String fileName, byte[] content) {
        RunAs.privateDir(home.resolve(".config"));
        RunAs.privateDir(stateDir());
        return RunAs.writePrivateFile(stateDir().resolve(fileName), content);
    }

    /** Writes a file into HOME as the run-as user, 0600. */
    public Path writeHomeFile(String fileName, String content) {
        return RunAs.writePrivateFile(home.resolve(fileName), content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Stops the daemon and every process this device's HOME still runs (e.g. started by {@code on}), keeps the
     * logs such daemons wrote inside HOME, then removes the device's folders.
     */
    @Override
    public void close() {
        stopDaemon();
        ProcessScan.terminate(ProcessScan.pidsWithEnvironment("HOME=" + home), 10);
        keepLogsWrittenInHome();
        TempDirs.deleteRecursively(base);
        ProcessReaper.forgetHome(home);
    }

    /** A daemon started by {@code rpi-connect on} logs under HOME (e.g. ~/.local/state/rpi-connect/). */
    private void keepLogsWrittenInHome() {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log") && Files.isRegularFile(p)).toList()) {
                Files.copy(f, logDir.resolve("home-" + name + "-" + f.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("e2e: could not keep the logs in " + home + ": " + e);
        }
    }

    private Path cliLog() {
        return logDir.resolve("cli-" + name + ".log");
    }

    private static List<String> command(String launcher, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(E2ePaths.launcher(launcher));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    private String label(String program, List<String> cmd) {
        return program + "(" + name + ") " + Redact.commandLine(cmd.subList(1, cmd.size()));
    }
}
