package org.openrpiconnect.daemon.cloud;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th delay is uniform in [0, min(cap, base * 2^n)], so many devices
 * retrying after a cloud outage spread out instead of arriving together. {@link #reset()} after a success.
 * Not thread-safe: each retry loop owns one.
 */
public final class Backoff {
    public static final Duration BASE = Duration.ofMillis(500);
    public static final Duration CAP = Duration.ofSeconds(30);

    private final long baseMillis;
    private final long capMillis;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.random = random;
    }

    /**
     * The standard one: base 0.5 s, cap 30 s. Plain {@link Random}, not RandomGenerator.getDefault(): that one looks
     * up every generator of the jdk.random module through a ServiceLoader, ~40 classes kept by an idle daemon.
     */
    public static Backoff standard() {
        return new Backoff(BASE, CAP, new Random());
    }

    /** The delay before the next attempt; each call raises the ceiling until it reaches the cap. */
    public Duration next() {
        long ceiling = ceilingMillis(attempt);
        if (attempt < 62) attempt++;
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** The upper bound of the delay {@link #next()} returns now. */
    public Duration ceiling() {
        return Duration.ofMillis(ceilingMillis(attempt));
    }

    public void reset() {
        attempt = 0;
    }

    private long ceilingMillis(int n) {
        // base * 2^n without overflow: stop doubling once past the cap.
        long c = baseMillis;
        for (int i = 0; i < n && c < capMillis; i++) c *= 2;
        return Math.min(c, capMillis);
    }
}
