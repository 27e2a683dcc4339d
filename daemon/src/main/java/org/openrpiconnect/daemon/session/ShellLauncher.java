package org.openrpiconnect.daemon.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts the user's login shell for a session, in the home directory, with the shell environment. */
final class ShellLauncher {
    private final Map<String, String> daemonEnv;

    ShellLauncher(Map<String, String> daemonEnv) {
        this.daemonEnv = daemonEnv;
    }

    ShellProcess start() throws IOException {
        List<String> command = LoginShell.command(daemonEnv);
        Map<String, String> env = ShellEnvironment.of(daemonEnv, command.get(0));
        return ShellProcess.start(command, env, home());
    }

    String shell() {
        return LoginShell.command(daemonEnv).get(0);
    }

    private Path home() {
        String home = daemonEnv.get("HOME");
        if (home == null || !Path.of(home).isAbsolute() || !Files.isDirectory(Path.of(home))) return null;
        return Path.of(home);
    }
}
