package org.openrpiconnect.systemd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The unit files of this module (top level of the module folder) and where the repository's launchers are, so a
 * test can verify the units on a machine where nothing is installed under /usr/bin.
 */
final class UnitFiles {
    private static final Pattern USR_BIN_COMMAND = Pattern.compile("/usr/bin/([A-Za-z0-9._-]+)");

    private UnitFiles() {}

    /** The module folder: Maven's basedir, or the working directory Surefire runs in. */
    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath().normalize();
    }

    static Path repoBinDir() {
        return moduleDir().getParent().resolve("bin");
    }

    static Path unit(String name) {
        return moduleDir().resolve(name);
    }

    /** Every *.service and *.path file at the module's top level. */
    static List<Path> all() {
        try (Stream<Path> files = Files.list(moduleDir())) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.(service|path)"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites each {@code /usr/bin/X} to the repository's {@code bin/X} when the repository has it (the launchers
     * stand in for the installed programs); other commands (systemctl, wayvnc) stay as they are.
     */
    static String mapInstalledCommandsToRepo(String unitText, Path binDir) {
        Matcher m = USR_BIN_COMMAND.matcher(unitText);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Path local = binDir.resolve(m.group(1));
            String replacement = Files.isExecutable(local) ? local.toString() : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
