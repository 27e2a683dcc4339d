package org.openrpiconnect.daemon;

import org.openrpiconnect.daemon.config.CloudUrlConfig;
import org.openrpiconnect.protocol.local.LocalApi;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the daemon takes from its environment. HOME comes from the environment, not from Java's
 * {@code user.home} (which the JVM takes from the passwd entry and tests run under another HOME).
 */
public final class DaemonEnvironment {
    public static final String SYSROOT = "RPI_CONNECT_SYSROOT";
    public static final String ALLOW_ROOT = "RPI_CONNECT_ALLOW_ROOT";
    static final String STATE_DIR_NAME = "com.raspberrypi.connect";

    private final Map<String, String> env;

    public DaemonEnvironment(Map<String, String> env) {
        this.env = env;
    }

    public Path socketPath() throws StartupException {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime == null || runtime.isBlank() || !Path.of(runtime).isAbsolute()) {
            throw new StartupException("XDG_RUNTIME_DIR is not set (or not an absolute path): rpi-connectd puts its "
                    + "socket " + LocalApi.SOCKET_NAME + " there. Start it from your login session (systemctl --user "
                    + "start rpi-connect), or set XDG_RUNTIME_DIR to a directory only you can use (mode 0700).");
        }
        return Path.of(runtime).resolve(LocalApi.SOCKET_NAME);
    }

    /** {@code $XDG_CONFIG_HOME/com.raspberrypi.connect}, else {@code $HOME/.config/com.raspberrypi.connect}. */
    public Path stateDir() throws StartupException {
        String configHome = env.get("XDG_CONFIG_HOME");
        if (configHome != null && Path.of(configHome).isAbsolute()) {
            return Path.of(configHome).resolve(STATE_DIR_NAME);
        }
        String home = env.get("HOME");
        if (home == null || home.isBlank() || !Path.of(home).isAbsolute()) {
            throw new StartupException("HOME is not set (or not an absolute path): rpi-connectd keeps its state in "
                    + "$HOME/.config/" + STATE_DIR_NAME + ". Set HOME (or XDG_CONFIG_HOME) and start it again.");
        }
        return Path.of(home, ".config", STATE_DIR_NAME);
    }

    public Path sysroot() {
        String root = env.get(SYSROOT);
        return root == null || root.isBlank() ? Path.of("/") : Path.of(root);
    }

    public String cloudUrlOverride() {
        return env.get(CloudUrlConfig.ENV_VAR);
    }

    /** All of it: remote shells start with the daemon's environment (the user's session environment). */
    public Map<String, String> variables() {
        return env;
    }

    public boolean allowRoot() {
        return "1".equals(env.get(ALLOW_ROOT));
    }
}
