package org.openrpiconnect.e2e.harness;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last line of clean-up: when the test JVM exits, whatever happened to the tests, it kills the programs they
 * started (managed processes, and any process still running with a test device's private HOME, such as a daemon
 * that {@code rpi-connect on} spawned).
 */
final class ProcessReaper {
    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    private static final Set<Path> HOMES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::reap, "e2e-process-reaper"));
    }

    private ProcessReaper() {}

    static void watch(Process p) {
        PROCESSES.add(p);
    }

    static void forget(Process p) {
        PROCESSES.remove(p);
    }

    static void watchHome(Path home) {
        HOMES.add(home);
    }

    static void forgetHome(Path home) {
        HOMES.remove(home);
    }

    private static void reap() {
        PROCESSES.forEach(Process::destroyForcibly);
        HOMES.forEach(home -> ProcessScan.terminate(ProcessScan.pidsWithEnvironment("HOME=" + home), 2));
    }
}
