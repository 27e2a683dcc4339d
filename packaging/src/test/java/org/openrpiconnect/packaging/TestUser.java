package org.openrpiconnect.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ordinary user the installed programs run as in the package tests (scripts/setup-test-env creates it), with a
 * private HOME and XDG_RUNTIME_DIR in a test's work folder, so that what a test starts is found by those folders.
 */
record TestUser(Path home, Path runtime) {
    static final String NAME = "connect-test";

    static boolean exists() {
        return Run.of("id", "-u", NAME).exitCode() == 0;
    }

    /** Makes {@code work/home} and {@code work/runtime}, mode 0700, owned by the user. */
    static TestUser in(Path work) throws IOException {
        return new TestUser(privateDir(work.resolve("home")), privateDir(work.resolve("runtime")));
    }

    /** The command as the user, with this HOME and XDG_RUNTIME_DIR, PATH and extraEnv, nothing else inherited. */
    List<String> command(Map<String, String> extraEnv, String... command) {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--init-groups",
                "env", "-i", "HOME=" + home, "XDG_RUNTIME_DIR=" + runtime, "PATH=/usr/bin:/bin"));
        extraEnv.forEach((k, v) -> full.add(k + "=" + v));
        full.addAll(List.of(command));
        return full;
    }

    /** The user's processes that run with this HOME or XDG_RUNTIME_DIR: none of another test's or login's. */
    List<ProcessHandle> processes() {
        List<String> ours = List.of("HOME=" + home, "XDG_RUNTIME_DIR=" + runtime);
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().user().map(NAME::equals).orElse(false))
                .filter(p -> environment(p.pid()).stream().anyMatch(ours::contains))
                .toList();
    }

    /** SIGKILL to {@link #processes()} until there are none; false if some are left after the limit. */
    boolean killProcesses(Duration limit) throws InterruptedException {
        return Processes.killUntilNoneLeft(() -> processes().stream().map(ProcessHandle::pid).toList(), limit);
    }

    private static List<String> environment(long pid) {
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            return List.of(new String(environ, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException gone) {
            return List.of();
        }
    }

    /** Gives a file or folder tree that root wrote to the user. */
    static void own(Path path) {
        Run.of("chown", "-R", NAME + ":" + NAME, path.toString()).ok();
    }

    private static Path privateDir(Path dir) throws IOException {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        own(dir);
        return dir;
    }
}
