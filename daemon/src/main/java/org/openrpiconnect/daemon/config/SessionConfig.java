package org.openrpiconnect.daemon.config;

import org.openrpiconnect.daemon.StartupException;

/** Settings of remote sessions from {@link ConnectConf}: {@code max_shell_sessions} (concurrent shells, default 8). */
public record SessionConfig(int maxShellSessions) {
    public static final int DEFAULT_MAX_SHELL_SESSIONS = 8;
    public static final int LIMIT_MAX_SHELL_SESSIONS = 64;
    public static final SessionConfig DEFAULT = new SessionConfig(DEFAULT_MAX_SHELL_SESSIONS);

    public static SessionConfig from(ConnectConf conf) throws StartupException {
        var setting = conf.get(ConnectConf.MAX_SHELL_SESSIONS);
        if (setting.isEmpty()) return DEFAULT;
        String value = setting.get().value();
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > LIMIT_MAX_SHELL_SESSIONS) {
            throw new StartupException("The setting " + setting.get().source() + " is '" + value + "', but it must be "
                    + "a whole number from 1 to " + LIMIT_MAX_SHELL_SESSIONS + " (the default is "
                    + DEFAULT_MAX_SHELL_SESSIONS + "; to refuse all remote shells use rpi-connect shell off). Fix it "
                    + "and start rpi-connectd again.");
        }
        return new SessionConfig(n);
    }
}
