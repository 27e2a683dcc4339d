package org.openrpiconnect.packaging;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to completion, bounded in time; keeps its exit code and its merged stdout + stderr. */
record Run(List<String> command, int exitCode, String output) {

    static Run of(String... command) {
        return of(List.of(command), null, Duration.ofSeconds(120));
    }

    /** @param environment the whole environment, or null to inherit this process's */
    static Run of(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Path output = Files.createTempFile("run", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(output.toFile());
                if (environment != null) {
                    pb.environment().clear();
                    pb.environment().putAll(environment);
                }
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(command + " did not finish within " + timeout);
                }
                return new Run(command, p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    Run ok() {
        if (exitCode != 0) throw new AssertionError(this.describe());
        return this;
    }

    String describe() {
        return String.join(" ", command) + " exited with " + exitCode + ":\n" + output;
    }

    static List<String> concat(List<String> prefix, String... rest) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(rest));
        return all;
    }
}
