package org.openrpiconnect.cli;

import org.openrpiconnect.cli.service.CommandRunner;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process, as `rpi-connect ARGS`, with a test environment, and keeps what it printed. */
final class CliRun {
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private CommandRunner commandRunner;

    CliRun(Path runtimeDir, Path home) {
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRun commandRunner(CommandRunner runner) {
        this.commandRunner = runner;
        return this;
    }

    Env environment() {
        return new Env(env);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Env environment = environment();
        CommandRunner runner = commandRunner != null ? commandRunner : new CommandRunner(environment);
        CliContext context = new CliContext(environment, new PrintWriter(out, true), new PrintWriter(err, true),
                runner, Duration.ofMillis(10));
        int code = Main.run(context, args);
        return new Result(code, out.toString(), err.toString());
    }
}
