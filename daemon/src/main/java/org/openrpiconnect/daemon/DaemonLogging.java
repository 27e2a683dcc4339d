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
     * once per event. From TimeZone's offset and {@link CalendarText}, rather than java.time: its pattern formatter
     * and zone rules add about 1 MB of classes and tables to an idle daemon, its date-time classes another 0.2 MB.
     */
    record Second(long epochSecond, String dateAndTime, String offset) {
        static Second of(long epochSecond) {
            int offsetSeconds = TimeZone.getDefault().getOffset(epochSecond * 1000) / 1000;
            StringBuilder text = new StringBuilder(19);
            CalendarText.appendDateAndTime(text, epochSecond + offsetSeconds);
            return new Second(epochSecond, text.toString(), offsetText(offsetSeconds));
        }

        // As the pattern XXX: Z for UTC, else +HH:MM, with :SS only for the odd historical offset.
        private static String offsetText(int offsetSeconds) {
            if (offsetSeconds == 0) return "Z";
            int abs = Math.abs(offsetSeconds);
            StringBuilder text = new StringBuilder(9).append(offsetSeconds < 0 ? '-' : '+');
            CalendarText.twoDigits(text, abs / 3600);
            CalendarText.twoDigits(text.append(':'), abs / 60 % 60);
            if (abs % 60 != 0) CalendarText.twoDigits(text.append(':'), abs % 60);
            return text.toString();
        }
    }
}
