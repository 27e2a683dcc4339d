package org.openrpiconnect.packaging;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

/** Killing a set of processes that may grow while it is killed (a manager or a shell starting more). */
final class Processes {
    private Processes() {}

    /** SIGKILL to what {@code pids} lists until it lists none; false if some are left after the limit. */
    static boolean killUntilNoneLeft(Supplier<Collection<Long>> pids, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Collection<Long> left = pids.get();
            if (left.isEmpty()) return true;
            if (System.nanoTime() > deadline) return false;
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            Thread.sleep(100);
        }
    }
}
