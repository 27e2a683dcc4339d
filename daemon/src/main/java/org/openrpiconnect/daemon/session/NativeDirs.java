package org.openrpiconnect.daemon.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where pty4j and JNA unpack their native libraries: a private, fixed directory in the user's cache
 * ({@code $XDG_CACHE_HOME/com.raspberrypi.connect/native}, else {@code $HOME/.cache/...}), reused across starts,
 * instead of a new directory in /tmp each time (pty4j) or ~/.cache/JNA of the passwd home (JNA). Settings given on
 * the command line (a package's {@code -Dpty4j.preferred.native.folder}) win.
 */
final class NativeDirs {
    private static final Logger log = LoggerFactory.getLogger(NativeDirs.class);

    private NativeDirs() {}

    static synchronized void prepare(Map<String, String> env) {
        Path dir = dir(env);
        if (dir == null) return;
        try {
            Files.createDirectories(dir.getParent());
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            log.warn("Cannot create {} for native libraries ({}); using the defaults", dir, e.getMessage());
            return;
        }
        setIfAbsent("pty4j.tmpdir", dir.resolve("pty4j"));
        setIfAbsent("jna.tmpdir", dir.resolve("jna"));
    }

    static Path dir(Map<String, String> env) {
        String cache = env.get("XDG_CACHE_HOME");
        if (cache != null && Path.of(cache).isAbsolute()) return Path.of(cache, "com.raspberrypi.connect", "native");
        String home = env.get("HOME");
        if (home != null && Path.of(home).isAbsolute()) {
            return Path.of(home, ".cache", "com.raspberrypi.connect", "native");
        }
        return null;
    }

    private static void setIfAbsent(String property, Path dir) {
        if (System.getProperty(property) != null) return;
        try {
            Files.createDirectories(dir);
            System.setProperty(property, dir.toString());
        } catch (IOException e) {
            log.warn("Cannot create {} ({}); {} keeps its default", dir, e.getMessage(), property);
        }
    }
}
