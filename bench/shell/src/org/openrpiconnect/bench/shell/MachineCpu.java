package org.openrpiconnect.bench.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * All cores' busy time from /proc/stat: tells a transfer that is CPU-bound (every core busy, so its cost per MB sets
 * its speed) from one that waits on something. Ticks of 10 ms, so only for spans of a second or more.
 */
final class MachineCpu {
    /** Busy and total ticks summed over all cores since boot. */
    record Sample(long busy, long total) {
        /** Percent of all cores' time that was busy between {@code earlier} and this sample. */
        double busyPercentSince(Sample earlier) {
            long total = this.total - earlier.total;
            return total <= 0 ? 0 : 100.0 * (busy - earlier.busy) / total;
        }
    }

    private MachineCpu() {}

    static Sample sample() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0); // "cpu  user nice system idle iowait ..."
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) total += Long.parseLong(f[i]); // up to steal; guest is in user
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new Sample(total - idle, total);
        } catch (IOException | RuntimeException e) {
            return new Sample(0, 0);
        }
    }
}
