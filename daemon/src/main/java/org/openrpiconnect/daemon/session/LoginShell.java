package org.openrpiconnect.daemon.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The user's login shell: {@code $SHELL} when it names an executable, else the shell of the user's passwd entry
 * (/etc/passwd), else /bin/sh. Started with {@code -l} so it reads the login profile, as over SSH.
 */
final class LoginShell {
    static final Path FALLBACK = Path.of("/bin/sh");
    private static final Path PASSWD = Path.of("/etc/passwd");

    private LoginShell() {}

    static List<String> command(Map<String, String> env) {
        return List.of(resolve(env, PASSWD, currentUid()).toString(), "-l");
    }

    static Path resolve(Map<String, String> env, Path passwd, int uid) {
        String fromEnv = env.get("SHELL");
        if (usable(fromEnv)) return Path.of(fromEnv);
        String fromPasswd = passwdShell(passwd, uid);
        if (usable(fromPasswd)) return Path.of(fromPasswd);
        return FALLBACK;
    }

    /** The 7th field of the passwd line with this uid, or null. */
    static String passwdShell(Path passwd, int uid) {
        try {
            for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
                String[] f = line.split(":", -1);
                if (f.length >= 7 && f[2].equals(Integer.toString(uid))) return f[6];
            }
        } catch (IOException e) {
            // no passwd file: the fallback serves
        }
        return null;
    }

    private static boolean usable(String shell) {
        if (shell == null || shell.isBlank()) return false;
        Path p = Path.of(shell);
        return p.isAbsolute() && Files.isExecutable(p) && !Files.isDirectory(p);
    }

    static int currentUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue();
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}
