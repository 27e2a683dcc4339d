package org.openrpiconnect.bench.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same {@code cat} of the bulk file through a bare pty, read by script(1) into /dev/null: how fast this
 * machine's kernel moves terminal output with a minimal C reader and no network at all, and what that costs in CPU
 * (cat, the kernel's tty work, the reader). It is the part of the shell's sending cost that the raw channel does
 * not have, measured in the same run.
 */
final class PtyCeiling {
    private PtyCeiling() {}

    /** MB/s from script's start to its end (its start-up is a few ms of a transfer of seconds); CPU in ms. */
    static Throughput cat(String user, Path file, long bytes) throws Exception {
        // sh waits for script (and script for cat), then prints its own stat: cutime + cstime are theirs
        String run = "script -q -c 'cat " + file + "' /dev/null > /dev/null; cat /proc/$$/stat";
        List<String> command = List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "env", "-i",
                "PATH=/usr/bin:/bin", "sh", "-c", run);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String stat = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("script(1) did not cat the bulk file through a pty within 300 s");
        }
        if (p.exitValue() != 0 || stat.isEmpty()) {
            throw new IOException("script(1) did not cat the bulk file through a pty: exit " + p.exitValue());
        }
        long nanos = System.nanoTime() - start;
        return new Throughput(bytes, nanos, 0, ProcCpu.millisOfStat(stat), 0, 0);
    }
}
