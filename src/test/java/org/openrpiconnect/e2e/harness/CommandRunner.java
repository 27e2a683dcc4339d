package org.openrpiconnect.e2e.harness;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one command to its end, bounded in time, and returns its exit code and outputs. */
public final class CommandRunner {
    private CommandRunner() {}

    /**
     * @param env     the whole environment of the command, or null to inherit the test JVM's
     * @param stdin   written to the command's standard input, then closed; null for none
     * @param timeout the command is killed and the test fails when it runs longer
     */
    public static ProcessResult run(String label, List<String> command, Map<String, String> env, String stdin,
                                    Duration timeout) {
        File out = tempFile("out");
        File err = tempFile("err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
            if (env != null) {
                pb.environment().clear();
                pb.environment().putAll(env);
            }
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the command may exit without reading its input
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(label + " did not finish within " + timeout.toSeconds() + " s (killed)\n"
                        + new ProcessResult(label, -1, read(out), read(err)));
            }
            return new ProcessResult(label, p.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + label, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + label, e);
        } finally {
            out.delete();
            err.delete();
        }
    }

    private static File tempFile(String suffix) {
        try {
            return File.createTempFile("rpc-e2e-cmd-", "." + suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(File f) {
        try {
            return Files.readString(f.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Appends a result to a log file: a header with the (redacted) label and exit code, then both streams. */
    public static void log(Path logFile, ProcessResult r) {
        StringBuilder b = new StringBuilder("$ ").append(r.label()).append("   # exit ").append(r.exitCode()).append('\n');
        b.append(r.stdout());
        if (!r.stderr().isEmpty()) b.append("[stderr]\n").append(r.stderr());
        E2eLogs.append(logFile, b.toString());
    }
}
