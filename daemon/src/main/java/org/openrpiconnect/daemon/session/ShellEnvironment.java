package org.openrpiconnect.daemon.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of a remote shell: the daemon's own (the user's session environment), without the variables of
 * the daemon's service manager protocol, plus {@code TERM=xterm-256color} (what xterm.js emulates) and
 * {@code CONNECT_TTY=1}, which tells programs that they run in a Connect remote shell.
 */
final class ShellEnvironment {
    static final String TERM = "xterm-256color";
    static final String CONNECT_TTY = "CONNECT_TTY";

    /** systemd's per-service variables: a shell's child must not talk to the daemon's service manager. */
    private static final List<String> SERVICE_ONLY = List.of("NOTIFY_SOCKET", "LISTEN_PID", "LISTEN_FDS",
            "LISTEN_FDNAMES", "WATCHDOG_PID", "WATCHDOG_USEC", "INVOCATION_ID", "JOURNAL_STREAM", "MANAGERPID",
            "SYSTEMD_EXEC_PID", "MONITOR_EXIT_CODE", "MONITOR_EXIT_STATUS", "MONITOR_INVOCATION_ID",
            "MONITOR_UNIT", "MONITOR_SERVICE_RESULT");

    private ShellEnvironment() {}

    static Map<String, String> of(Map<String, String> daemonEnv, String shell) {
        Map<String, String> env = new HashMap<>(daemonEnv);
        SERVICE_ONLY.forEach(env::remove);
        env.put("TERM", TERM);
        env.put(CONNECT_TTY, "1");
        env.putIfAbsent("SHELL", shell);
        return env;
    }
}
