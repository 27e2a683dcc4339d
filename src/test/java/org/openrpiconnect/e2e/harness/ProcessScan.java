package org.openrpiconnect.e2e.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the processes a test started indirectly (a daemon that {@code rpi-connect on} spawned) by an entry of
 * their environment that only that test uses (its private HOME), and ends them by pid.
 */
public final class ProcessScan {
    private ProcessScan() {}

    /** Pids whose initial environment holds exactly {@code entry} (e.g. {@code HOME=/tmp/...}). */
    public static List<Long> pidsWithEnvironment(String entry) {
        List<Long> pids = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid != self && environmentOf(p).contains(entry)) pids.add(pid);
            });
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc", e);
        }
        return pids;
    }

    /** The command line of a process, arguments joined by spaces; empty when it is gone. */
    public static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM to each, then SIGKILL to those still there after {@code graceSeconds}. */
    public static void terminate(List<Long> pids, int graceSeconds) {
        List<ProcessHandle> handles = pids.stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
        handles.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : handles) {
            try {
                h.onExit().get(graceSeconds, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    private static List<String> environmentOf(Path procDir) {
        try {
            String env = new String(Files.readAllBytes(procDir.resolve("environ")), StandardCharsets.UTF_8);
            return List.of(env.split("\0"));
        } catch (IOException | SecurityException e) {
            return List.of(); // gone, or not ours to read
        }
    }
}
