package org.openrpiconnect.bench.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used (all its threads), and that of its children it has waited for, from /proc: less
 * disturbed by other work on the machine than wall time. Clock ticks of 10 ms, so only for spans of seconds.
 */
final class ProcCpu {
    private static final double MS_PER_TICK = 10; // USER_HZ is 100 on Linux

    private ProcCpu() {}

    /** utime + stime + cutime + cstime of {@code pid}, in ms; 0 when the process is gone. */
    static double millis(long pid) {
        try {
            return millisOfStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {@link #millis} of this process (the receiving peer of every measurement). */
    static double ownMillis() {
        return millis(ProcessHandle.current().pid());
    }

    /** utime + stime + cutime + cstime of a /proc/PID/stat line, in ms. */
    static double millisOfStat(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3 (state)
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks * MS_PER_TICK;
    }

    /** {@link #millis} of {@code pid} plus that of each of its children (the shell under the daemon, say). */
    static double millisWithChildren(long pid) {
        double total = millis(pid);
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String children = Files.readString(task.resolve("children")).trim();
                if (children.isEmpty()) continue;
                for (String child : children.split(" ")) total += millis(Long.parseLong(child));
            }
        } catch (IOException | RuntimeException e) {
            // gone meanwhile: what was read counts
        }
        return total;
    }
}
