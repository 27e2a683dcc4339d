package org.openrpiconnect.cloud.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How times are shown: ISO 8601 UTC to the second, as in the Management API's bodies ({@code 2025-01-01T00:00:30Z}). */
public final class Times {
    private Times() {}

    public static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** For pages: a time, or "never" when there is none. */
    public static String isoOrNever(Long epochMillis) {
        return epochMillis == null ? "never" : iso(epochMillis);
    }
}
