package org.openrpiconnect.daemon.testing;

import org.openrpiconnect.daemon.Daemon;
import org.openrpiconnect.daemon.DaemonEnvironment;
import org.openrpiconnect.daemon.StartupException;
import org.openrpiconnect.protocol.local.LocalApi;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.LocalResponse;
import org.openrpiconnect.protocol.local.StatusResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the real daemon in-process on a private runtime dir, home and fake board, talking to the URL given; tests
 * drive it through its real local socket.
 */
public final class DaemonHarness implements AutoCloseable {
    public static final String SERIAL = "10000000abcdef01";

    private final Path root;
    private final Map<String, String> env = new HashMap<>();
    private Daemon daemon;

    public DaemonHarness(Path root, String cloudUrl) throws IOException {
        this.root = root;
        Path runtime = Files.createDirectories(root.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(root.resolve("home"));
        FakeSysroot.pi4(Files.createDirectories(root.resolve("sysroot")), SERIAL);
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("HOME", root.resolve("home").toString());
        env.put(DaemonEnvironment.SYSROOT, root.resolve("sysroot").toString());
        env.put("RPI_CONNECT_CLOUD_URL", cloudUrl);
    }

    public DaemonHarness start() throws StartupException {
        daemon = Daemon.start(new DaemonEnvironment(env), new Daemon.Options(null));
        return this;
    }

    public void stop() {
        if (daemon != null) daemon.stop();
        daemon = null;
    }

    public DaemonHarness restart() throws StartupException {
        stop();
        return start();
    }

    @Override
    public void close() {
        stop();
    }

    /** The running daemon (null when stopped). */
    public Daemon daemon() {
        return daemon;
    }

    public Map<String, String> env() {
        return env;
    }

    public Path sysroot() {
        return root.resolve("sysroot");
    }

    public Path socket() {
        return root.resolve("run").resolve(LocalApi.SOCKET_NAME);
    }

    public Path stateDir() {
        return root.resolve("home/.config/com.raspberrypi.connect");
    }

    public LocalResponse call(LocalMethod method, Object params) throws IOException {
        return LocalTestClient.call(socket(), method, params);
    }

    public <T> T result(LocalMethod method, Object params, Class<T> type) throws IOException {
        return LocalTestClient.result(socket(), method, params, type);
    }

    public StatusResult status() throws IOException {
        return result(LocalMethod.STATUS, null, StatusResult.class);
    }

    /** Waits until the condition holds (checked every 50 ms), failing after the timeout. */
    public static void eventually(Duration timeout, String what, CheckedCondition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.holds()) return;
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + timeout + ": " + what);
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    public interface CheckedCondition {
        boolean holds() throws Exception;
    }

}
