package org.openrpiconnect.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one rule for who runs the device side: the daemon and the CLI must run as an ordinary user, so when the
 * tests run as root they run as {@value #TEST_USER} (via setpriv), otherwise as the current user. Either way they
 * get exactly the environment given (env -i), nothing inherited.
 */
public final class RunAs {
    public static final String TEST_USER = "connect-test";
    private static final boolean ROOT = currentUid() == 0;

    private RunAs() {}

    public static boolean isRoot() {
        return ROOT;
    }

    /** The command line that runs {@code command} with exactly {@code env}, as the run-as user. */
    public static List<String> command(Map<String, String> env, List<String> command) {
        List<String> c = new ArrayList<>();
        if (ROOT) {
            c.addAll(List.of("setpriv", "--reuid=" + TEST_USER, "--regid=" + TEST_USER, "--init-groups"));
        }
        c.add("env");
        c.add("-i");
        env.forEach((k, v) -> c.add(k + "=" + v));
        c.addAll(command);
        return c;
    }

    /** Creates (if needed) a folder only the run-as user may enter: mode 0700, owned by that user. */
    public static Path privateDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            giveToUser(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Writes a file the run-as user owns, mode 0600, atomically (temp file in the same folder, then rename). */
    public static Path writePrivateFile(Path file, byte[] content) {
        try {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".e2e-tmp");
            Files.write(tmp, content);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            giveToUser(tmp);
            return Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** chown to the run-as user when we are root; nothing to do otherwise. */
    public static void giveToUser(Path path) throws IOException {
        if (!ROOT) return;
        UserPrincipal user = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(TEST_USER);
        Files.setOwner(path, user);
        Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class)
                .setGroup(path.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByGroupName(TEST_USER));
    }

    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell which user runs the tests", e);
        }
    }
}
