package org.openrpiconnect.daemon;

/**
 * Dates and times as text by day arithmetic, without java.time: its formatters and zone rules add about 1 MB of
 * classes and tables to a daemon (log lines, the time a device was linked).
 */
public final class CalendarText {
    private static final int SECONDS_PER_DAY = 86_400;

    private CalendarText() {}

    /** ISO-8601 in UTC to the second ("2026-11-22T20:30:05Z"), as {@code Instant.toString()} of a whole second. */
    public static String utc(long epochSecond) {
        StringBuilder text = new StringBuilder(20);
        appendDateAndTime(text, epochSecond);
        return text.append('Z').toString();
    }

    /** ISO-8601's basic format in UTC to the second ("20261122T203005Z"), for file names. */
    public static String utcBasic(long epochSecond) {
        return utc(epochSecond).replace("-", "").replace(":", "");
    }

    /** "yyyy-MM-ddTHH:mm:ss" of a count of seconds since 1970-01-01T00:00 (local or UTC, as the caller counts). */
    static void appendDateAndTime(StringBuilder text, long seconds) {
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        appendDate(text, days);
        twoDigits(text.append('T'), secondOfDay / 3600);
        twoDigits(text.append(':'), secondOfDay / 60 % 60);
        twoDigits(text.append(':'), secondOfDay % 60);
    }

    /**
     * Year-month-day of a count of days since 1970-01-01 in the proleptic Gregorian calendar: counted in 400-year
     * eras (146,097 days each) from 0000-03-01, so that a leap day falls at the end of its year.
     */
    private static void appendDate(StringBuilder text, long epochDay) {
        long daysFromMarch1st0 = epochDay + 719_468;
        long era = Math.floorDiv(daysFromMarch1st0, 146_097);
        int dayOfEra = (int) (daysFromMarch1st0 - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
        text.append(year);
        twoDigits(text.append('-'), month);
        twoDigits(text.append('-'), day);
    }

    static void twoDigits(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
