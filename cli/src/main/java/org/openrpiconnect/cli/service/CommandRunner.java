package org.openrpiconnect.cli.service;

import org.openrpiconnect.cli.Env;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived program (systemctl) to completion, bounded in time, in the CLI's environment. */
public class CommandRunner {
    private final Env env;

    public CommandRunner(Env env) {
        this.env = env;
    }

    /** Exit code and merged stdout + stderr; a program that cannot start gives exit code 127 and the reason. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    public Result run(List<String> command, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("rpi-connect-", ".out");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            pb.environment().clear();
            pb.environment().putAll(env.variables());
            Process process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(124, String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        } finally {
            if (output != null) output.toFile().delete();
        }
    }
}
