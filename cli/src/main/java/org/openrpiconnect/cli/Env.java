package org.openrpiconnect.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The environment the CLI reads (a map, so tests pass their own): where the daemon's socket is, where the log of a
 * directly started daemon goes, and the knobs documented in README.md.
 */
public record Env(Map<String, String> variables) {
    public static final String RUNTIME_DIR = "XDG_RUNTIME_DIR";
    public static final String STATE_HOME = "XDG_STATE_HOME";
    public static final String HOME = "HOME";
    public static final String DAEMON_COMMAND = "RPI_CONNECTD";
    public static final String SERVICE_MANAGER = "RPI_CONNECT_SERVICE_MANAGER";

    public Env {
        variables = Map.copyOf(variables);
    }

    /** The value, or null when unset or blank. */
    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** $HOME from the environment (not Java's user.home, which comes from the passwd entry). */
    public Path home() {
        String home = get(HOME);
        if (home == null) {
            throw new BadInputException("HOME is not set; run rpi-connect from a login session of your user");
        }
        return Path.of(home);
    }

    /** $XDG_RUNTIME_DIR, else /run/user/UID (what a login session sets it to). */
    public Path runtimeDir() {
        String dir = get(RUNTIME_DIR);
        return dir != null ? Path.of(dir) : Path.of("/run/user", Long.toString(currentUid()));
    }

    /** $XDG_STATE_HOME, else ~/.local/state. */
    public Path stateHome() {
        String dir = get(STATE_HOME);
        return dir != null ? Path.of(dir) : home().resolve(".local/state");
    }

    /** A path for messages: under $HOME it is shown as ~/... */
    public String displayPath(Path path) {
        String home = get(HOME);
        if (home != null && path.startsWith(Path.of(home))) {
            return "~/" + Path.of(home).relativize(path);
        }
        return path.toString();
    }

    private static long currentUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (Exception e) {
            throw new BadInputException("XDG_RUNTIME_DIR is not set; run rpi-connect from a login session of your user");
        }
    }
}
