package org.openrpiconnect.cli.service;

import org.openrpiconnect.cli.local.LocalApiClient;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Watches the daemon's socket come alive or go quiet after a start or a stop. */
final class DaemonWaiter {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final LocalApiClient daemon;

    DaemonWaiter(LocalApiClient daemon) {
        this.daemon = daemon;
    }

    boolean isRunning() {
        return daemon.isAnswering(PROBE_TIMEOUT);
    }

    /** True once the daemon answers; false after {@code limit}, or as soon as {@code giveUp} says so. */
    boolean awaitAnswering(Duration limit, BooleanSupplier giveUp) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (isRunning()) return true;
            if (giveUp.getAsBoolean() || System.nanoTime() > deadline) return false;
            pause();
        }
    }

    /** True once the daemon no longer answers; false if it still does after {@code limit}. */
    boolean awaitSilent(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (isRunning()) {
            if (System.nanoTime() > deadline) return false;
            pause();
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceControlException("Interrupted while waiting for rpi-connectd");
        }
    }
}
