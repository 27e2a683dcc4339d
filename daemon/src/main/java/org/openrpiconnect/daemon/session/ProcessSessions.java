package org.openrpiconnect.daemon.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Which running processes belong to a session (setsid), from /proc/PID/stat; Java's ProcessHandle does not tell.
 * Zombies are not counted: they have ended, only their parent has not collected them yet.
 */
final class ProcessSessions {
    private static final Path PROC = Path.of("/proc");

    private ProcessSessions() {}

    static Set<Long> members(long sessionId) {
        Set<Long> members = new HashSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                Long session = sessionOf(dir.resolve("stat"));
                if (session != null && session == sessionId) members.add(Long.parseLong(dir.getFileName().toString()));
            }
        } catch (IOException e) {
            // no /proc: descendants only
        }
        return members;
    }

    /**
     * Field 6 of /proc/PID/stat, null for a zombie or a process gone meanwhile. The command name (field 2) may hold
     * spaces and parentheses, so fields are counted from its closing parenthesis.
     */
    static Long sessionOf(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            if (f.length <= 3 || "Z".equals(f[0])) return null;
            return Long.parseLong(f[3]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) return false;
        }
        return true;
    }
}
