package org.openrpiconnect.cli;

import org.openrpiconnect.cli.local.LocalApiClient;
import org.openrpiconnect.cli.local.VersionWarning;
import org.openrpiconnect.cli.service.CommandRunner;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What every command works with: the environment, the output streams, the daemon client and how to run programs.
 * Main builds the real one; tests build one on a temp runtime dir and string writers.
 */
public final class CliContext {
    private final Env env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final CommandRunner commandRunner;
    private final Duration pollInterval;
    private LocalApiClient daemon;

    public CliContext(Env env, PrintWriter out, PrintWriter err, CommandRunner commandRunner, Duration pollInterval) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.commandRunner = commandRunner;
        this.pollInterval = pollInterval;
    }

    /** The process's environment and streams; output is UTF-8 whatever the locale (doctor prints ✓ and ✗). */
    public static CliContext fromSystem() {
        Env env = new Env(System.getenv());
        return new CliContext(env, utf8(FileDescriptor.out), utf8(FileDescriptor.err), new CommandRunner(env),
                Duration.ofSeconds(1));
    }

    public Env env() {
        return env;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public CommandRunner commandRunner() {
        return commandRunner;
    }

    /** How often `signin` polls the daemon's status while a device-code sign-in is pending. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** The daemon's local API client; one per run, so a version mismatch is reported once. */
    public LocalApiClient daemon() {
        if (daemon == null) daemon = new LocalApiClient(env.runtimeDir(), new VersionWarning(err));
        return daemon;
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
