package org.openrpiconnect.bench.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The machine-readable output: one {@code name value unit} line per figure, appended to a results file (the run
 * script prints it: the native WebRTC library writes its own lines to the process's stdout); each figure is also
 * shown on stderr as it comes.
 */
final class Report {
    private final Path file;

    Report(Path file) {
        this.file = file;
    }

    void line(String name, double value, String unit) throws IOException {
        String line = String.format(Locale.ROOT, "%s %.2f %s", name, value, unit);
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        note(line);
    }

    static void note(String text) {
        System.err.println("# " + text);
    }
}
