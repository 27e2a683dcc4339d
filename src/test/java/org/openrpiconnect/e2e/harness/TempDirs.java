package org.openrpiconnect.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary folders under /tmp, traversable by the run-as user (mode 0755). Never under target/: the test user
 * must reach them, and Unix socket paths must stay short (108 bytes).
 */
public final class TempDirs {
    private TempDirs() {}

    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "rpc-e2e-" + prefix + "-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder under /tmp", e);
        }
    }

    /** Deletes a tree, quietly: used in clean-ups, where an error must not hide the test's own failure. */
    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover under /tmp is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
