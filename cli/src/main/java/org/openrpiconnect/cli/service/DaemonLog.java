package org.openrpiconnect.cli.service;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** The log of a directly started daemon: ~/.local/state/rpi-connect/rpi-connectd.log (appended to, never cut). */
final class DaemonLog {
    private static final int MAX_TAIL_BYTES = 64 * 1024;

    private final Path file;

    DaemonLog(Path stateHome) {
        this.file = stateHome.resolve("rpi-connect").resolve("rpi-connectd.log");
    }

    Path file() {
        return file;
    }

    /** Creates the folder (0700) and the file (0600) when missing: the log may name the device and the cloud. */
    void create() throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
    }

    long size() throws IOException {
        return Files.size(file);
    }

    /** The last {@code lines} lines written after {@code fromOffset} (what this start added). */
    List<String> tail(long fromOffset, int lines) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(fromOffset, in.length() - MAX_TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
