package org.openrpiconnect.e2e.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running program (cloud server, daemon, a CLI that waits): stdout and stderr merged, each line kept in
 * memory and appended to a log file as it comes. Every instance is killed when the test JVM exits, whatever
 * happened to the test that started it.
 */
public final class ManagedProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(15);

    private final String label;
    private final Process process;
    private final Path logFile;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread pump;
    private boolean endLogged;

    private ManagedProcess(String label, Process process, Path logFile) {
        this.label = label;
        this.process = process;
        this.logFile = logFile;
        this.pump = new Thread(this::pumpOutput, "e2e-output-" + label);
        pump.setDaemon(true);
    }

    /** @param env the whole environment, or null to inherit the test JVM's */
    public static ManagedProcess start(String label, List<String> command, Map<String, String> env, Path logFile) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (env != null) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            ManagedProcess mp = new ManagedProcess(label, p, logFile);
            ProcessReaper.watch(p);
            E2eLogs.append(logFile, "# " + label + " started, pid " + p.pid() + ": " + Redact.commandLine(command));
            mp.pump.start();
            return mp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label, e);
        }
    }

    private void pumpOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                E2eLogs.append(logFile, line);
            }
        } catch (IOException ignored) {
            // the process went away
        }
    }

    /** Waits for a line matching {@code pattern} (searched, not fully matched); fails early if the process exits. */
    public Matcher awaitLine(Pattern pattern, Duration timeout) {
        return Waits.until(timeout, label + " to print a line matching /" + pattern + "/", () -> {
            for (String line : lines) {
                Matcher m = pattern.matcher(line);
                if (m.find()) return m;
            }
            if (!process.isAlive()) {
                finishPump();
                for (String line : lines) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) return m;
                }
                throw new ProcessExitedError(label + " exited " + process.exitValue()
                        + " without printing /" + pattern + "/:\n" + output());
            }
            return null;
        }, this::output);
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(label + " did not exit within " + timeout.toSeconds() + " s:\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return ended();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String label() {
        return label;
    }

    public Path logFile() {
        return logFile;
    }

    /** Everything printed so far. */
    public String output() {
        return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }

    /** SIGTERM, then SIGKILL if it is still there after a grace period. Returns the exit code. */
    public int stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    E2eLogs.append(logFile, "# " + label + " ignored SIGTERM for " + GRACE.toSeconds() + " s: killed");
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        return ended();
    }

    /** SIGKILL: the process gets no chance to clean up (stale socket, half-written files). */
    public int kill9() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ended();
    }

    private synchronized int ended() {
        finishPump();
        if (!process.isAlive()) ProcessReaper.forget(process);
        int code = process.isAlive() ? -1 : process.exitValue();
        if (!endLogged) E2eLogs.append(logFile, "# " + label + " ended, exit " + code);
        endLogged = true;
        return code;
    }

    private void finishPump() {
        try {
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Not a timeout: the awaited line can no longer come. An Error, so that Waits fails at once. */
    public static final class ProcessExitedError extends AssertionError {
        ProcessExitedError(String message) {
            super(message);
        }
    }
}
