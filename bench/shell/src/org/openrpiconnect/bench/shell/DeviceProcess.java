package org.openrpiconnect.bench.shell;

import org.openrpiconnect.daemon.testing.FakeSysroot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real daemon, as a user would run it: its launcher (the installed {@code /usr/bin/rpi-connectd}, or the
 * checkout's {@code bin/rpi-connectd}) as an ordinary user, in a private home with a fake Raspberry Pi sysroot,
 * signing in with an auth.key file against the given cloud.
 */
final class DeviceProcess implements AutoCloseable {
    static final String SERIAL = "10000000beefc001";

    private final Process process;
    private final Path log;

    private DeviceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code javaOpts}: extra JVM options for the launcher (RPI_CONNECT_JAVA_OPTS), usually empty. */
    static DeviceProcess start(Path launcher, Path dir, String user, String cloudUrl, String authKey,
                               String connectConf, String javaOpts) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path run = Files.createDirectories(dir.resolve("run"));
        Path sysroot = Files.createDirectories(dir.resolve("sysroot"));
        FakeSysroot.pi4(sysroot, SERIAL);
        Path state = Files.createDirectories(home.resolve(".config/com.raspberrypi.connect"));
        Files.writeString(state.resolve("auth.key"), authKey + "\n");
        Files.writeString(state.resolve("connect.conf"), connectConf);
        run("chown", "-R", user + ":" + user, dir.toString());
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        Path log = dir.resolve("daemon.log");
        ProcessBuilder pb = new ProcessBuilder(List.of("setpriv", "--reuid=" + user, "--regid=" + user,
                "--init-groups", "env", "-i", "HOME=" + home, "XDG_RUNTIME_DIR=" + run,
                "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", "RPI_CONNECT_CLOUD_URL=" + cloudUrl,
                "RPI_CONNECT_SYSROOT=" + sysroot, "RPI_CONNECT_JAVA_OPTS=" + javaOpts,
                launcher.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        return new DeviceProcess(pb.start(), log);
    }

    /** The daemon's pid: the launcher execs (setpriv, env, sh, java), so it is the started process's. */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Resident set size of the daemon, in MB (VmRSS of /proc/PID/status). */
    double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for " + pid());
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: the daemon's shutdown hook ends its sessions
        if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
}
