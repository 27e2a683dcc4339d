package org.openrpiconnect.daemon;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Schedules background work; once the daemon is stopping (executor shut down) new work is quietly dropped. */
public final class Scheduling {
    private Scheduling() {}

    public static void later(ScheduledExecutorService scheduler, Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Runs {@code task} every {@code period}, the first time after one period; null once shutting down. */
    public static Future<?> every(ScheduledExecutorService scheduler, Runnable task, Duration period) {
        try {
            return scheduler.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null; // shutting down
        }
    }

    public static void now(ScheduledExecutorService scheduler, Runnable task) {
        later(scheduler, task, Duration.ZERO);
    }

    /** Runs {@code work} on a new daemon thread of its own (short checks run side by side, e.g. doctor's). */
    public static <T> CompletableFuture<T> onOwnThread(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        });
    }
}
