package org.openrpiconnect.e2e.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling until a condition holds or a deadline passes; the failure says what was awaited and what was seen. */
public final class Waits {
    private static final Duration POLL = Duration.ofMillis(200);

    private Waits() {}

    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, what, () -> condition.getAsBoolean() ? Boolean.TRUE : null, () -> "");
    }

    /**
     * Polls {@code probe} until it returns non-null and returns that value. An exception from the probe counts as
     * "not yet"; the last one is reported on timeout together with {@code lastSeen}.
     */
    public static <T> T until(Duration timeout, String what, Supplier<T> probe, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (true) {
            try {
                T value = probe.get();
                if (value != null) return value;
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("timed out after " + timeout.toSeconds()
                        + " s waiting for " + what + describe(lastSeen));
                if (lastError != null) failure.addSuppressed(lastError);
                throw failure;
            }
            sleep(POLL);
        }
    }

    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String describe(Supplier<String> lastSeen) {
        String seen = lastSeen.get();
        return seen == null || seen.isEmpty() ? "" : "\nlast seen:\n" + seen;
    }
}
