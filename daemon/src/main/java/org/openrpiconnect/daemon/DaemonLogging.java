package org.openrpiconnect.daemon;

import org.slf4j.event.Level;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.TimeZone;

/**
 * The daemon's logging rules; {@code daemon/logging/} is the small SLF4J provider that applies them. The daemon does
 * not use logback: its 151 classes cost an idle daemon about 2 MB, and 6 MB in a JVM that does little else.
 * <ul>
 *   <li>One line per event on stdout (journald adds its own metadata under systemd), laid out as logback's
 *       {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg%n} did:
 *       {@code 2026-11-22T15:31:47.123+01:00 INFO  Daemon - Listening on ...} (UTC shows as {@code Z}).</li>
 *   <li>A line break inside a message is written as {@code \n} (or {@code \r}), so an event never looks like two,
 *       and text from elsewhere cannot forge a line; only a throwable's stack trace follows on lines of its own.</li>
 *   <li>INFO and above by default; {@code -v} adds DEBUG from our own loggers ({@value #OUR_LOGGERS}.*), third-party
 *       libraries stay at INFO so debug output is ours. TRACE is never written.</li>
 * </ul>
 */
public final class DaemonLogging {
    private static final String OUR_LOGGERS = "org.openrpiconnect";

    private static volatile boolean debug;
    private static volatile Second second = new Second(Long.MIN_VALUE, "", "");

    private DaemonLogging() {}

    /** {@code -v}: debug detail from our own code. */
    static void debug(boolean enabled) {
        debug = enabled;
    }

    /** Whether a logger belongs to the daemon (and its protocol): only those log DEBUG with {@code -v}. */
    public static boolean isOurs(String loggerName) {
        return loggerName.startsWith(OUR_LOGGERS)
                && (loggerName.length() == OUR_LOGGERS.length() || loggerName.charAt(OUR_LOGGERS.length()) == '.');
    }

    /** Whether an event of {@code level} from one of our loggers ({@code ours}) or a library's is written. */
    public static boolean isEnabled(Level level, boolean ours) {
        return level.toInt() >= Level.INFO.toInt() || (level == Level.DEBUG && ours && debug);
    }

    /** The name a line shows for a logger: its last segment, as logback's {@code %logger{0}}. */
    public static String shortName(String loggerName) {
        return loggerName.substring(loggerName.lastIndexOf('.') + 1);
    }

    /** Appends one event's text: its line, then the throwable's stack trace if there is one. */
    public static void appendEvent(StringBuilder out, long epochMillis, Level level, String shortName, String message,
                                   Throwable thrown) {
        appendTime(out, epochMillis);
        out.append(' ').append(level.name());
        for (int pad = level.name().length(); pad < 5; pad++) {
            out.append(' ');
        }
        out.append(' ').append(shortName).append(" - ");
        appendOnOneLine(out, message);
        out.append(System.lineSeparator());
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            out.append(trace.getBuffer());
        }
    }

    private static void appendOnOneLine(StringBuilder out, String message) {
        if (message == null) {
            out.append("null");
            return;
        }
        if (message.indexOf('\n') < 0 && message.indexOf('\r') < 0) {
            out.append(message);
            return;
        }
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static void appendTime(StringBuilder out, long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000);
        Second current = second;
        if (current.epochSecond != epochSecond) {
            current = Second.of(epochSecond);
            second = current; // a race only formats the same second twice
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        out.append(current.dateAndTime).append('.').append((char) ('0' + millis / 100))
                .append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10)).append(current.offset);
    }

    /**
     * The text of one second in the JVM's default time zone, made (and the zone looked up) once per second rather than
     * once per event. By hand, from TimeZone's offset and day arithmetic, rather than java.time: its pattern formatter
     * and zone rules add about 1 MB of classes and tables to an idle daemon, its date-time classes another 0.2 MB.
     */
    record Second(long epochSecond, String dateAndTime, String offset) {
        private static final int SECONDS_PER_DAY = 86_400;

        static Second of(long epochSecond) {
            int offsetSeconds = TimeZone.getDefault().getOffset(epochSecond * 1000) / 1000;
            long local = epochSecond + offsetSeconds;
            long days = Math.floorDiv(local, SECONDS_PER_DAY);
            int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
            StringBuilder text = new StringBuilder(19);
            appendDate(text, days);
            twoDigits(text.append('T'), secondOfDay / 3600);
            twoDigits(text.append(':'), secondOfDay / 60 % 60);
            twoDigits(text.append(':'), secondOfDay % 60);
            return new Second(epochSecond, text.toString(), offsetText(offsetSeconds));
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

        // As the pattern XXX: Z for UTC, else +HH:MM, with :SS only for the odd historical offset.
        private static String offsetText(int offsetSeconds) {
            if (offsetSeconds == 0) return "Z";
            int abs = Math.abs(offsetSeconds);
            StringBuilder text = new StringBuilder(9).append(offsetSeconds < 0 ? '-' : '+');
            twoDigits(text, abs / 3600);
            twoDigits(text.append(':'), abs / 60 % 60);
            if (abs % 60 != 0) twoDigits(text.append(':'), abs % 60);
            return text.toString();
        }

        private static void twoDigits(StringBuilder text, int value) {
            text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }
    }
}
