package org.openrpiconnect.daemon.cloud;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    private static final Duration BASE = Duration.ofMillis(500);
    private static final Duration CAP = Duration.ofSeconds(30);

    @Test
    void ceiling_doubles_from_the_base_until_the_cap() {
        Backoff b = new Backoff(BASE, CAP, new Random(1));
        long[] expected = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
        for (long ceiling : expected) {
            assertEquals(Duration.ofMillis(ceiling), b.ceiling());
            b.next();
        }
    }

    @Test
    void every_delay_lies_between_zero_and_the_current_ceiling() {
        Backoff b = new Backoff(BASE, CAP, new Random(42));
        for (int i = 0; i < 200; i++) {
            Duration ceiling = b.ceiling();
            Duration d = b.next();
            assertTrue(!d.isNegative() && d.compareTo(ceiling) <= 0, d + " outside [0, " + ceiling + "]");
            assertTrue(d.compareTo(CAP) <= 0);
        }
    }

    @Test
    void jitter_is_full_range_the_lowest_and_highest_random_values_give_zero_and_the_ceiling() {
        Backoff low = new Backoff(BASE, CAP, fixedRandom(bound -> 0L));
        Backoff high = new Backoff(BASE, CAP, fixedRandom(bound -> bound - 1));
        for (int i = 0; i < 3; i++) low.next();
        for (int i = 0; i < 3; i++) high.next();
        assertEquals(Duration.ZERO, low.next());
        assertEquals(Duration.ofMillis(4000), high.next());
    }

    @Test
    void reset_brings_the_ceiling_back_to_the_base() {
        Backoff b = new Backoff(BASE, CAP, new Random(7));
        for (int i = 0; i < 20; i++) b.next();
        assertEquals(CAP, b.ceiling());
        b.reset();
        assertEquals(BASE, b.ceiling());
        assertTrue(b.next().compareTo(BASE) <= 0);
    }

    @Test
    void many_attempts_never_overflow_past_the_cap() {
        Backoff b = new Backoff(BASE, CAP, new Random(3));
        for (int i = 0; i < 10_000; i++) b.next();
        assertEquals(CAP, b.ceiling());
    }

    @Test
    void standard_backoff_uses_half_a_second_and_thirty_seconds() {
        Backoff b = Backoff.standard();
        assertEquals(Duration.ofMillis(500), b.ceiling());
        for (int i = 0; i < 10; i++) b.next();
        assertEquals(Duration.ofSeconds(30), b.ceiling());
    }

    @Test
    void a_base_above_the_cap_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(CAP, BASE, new Random()));
    }

    private interface Bounded {
        long pick(long bound);
    }

    private static RandomGenerator fixedRandom(Bounded pick) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return pick.pick(bound);
            }
        };
    }
}
