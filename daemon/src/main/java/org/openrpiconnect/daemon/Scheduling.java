package org.openrpiconnect.daemon;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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

    public static void now(ScheduledExecutorService scheduler, Runnable task) {
        later(scheduler, task, Duration.ZERO);
    }
}
