package org.openrpiconnect.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon's log lines, written through SLF4J as the daemon's code and its libraries write them. */
class DaemonLoggingTest {
    private static final String LINE_START = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) ";
    private static final Logger DAEMON = LoggerFactory.getLogger("org.openrpiconnect.daemon.Daemon");
    private static final Logger LIBRARY = LoggerFactory.getLogger("com.pty4j.unix.PtyHelpers");

    @AfterEach
    void back_to_the_default_levels() {
        DaemonLogging.debug(false);
    }

    @Test
    void logs_one_line_per_event_with_time_level_and_logger_and_hides_debug_by_default() {
        String logged = stdoutOf(() -> {
            DAEMON.info("Listening on {}", "/run/user/1000/rpi-connect.sock");
            DAEMON.debug("not shown without -v");
            DAEMON.warn("Event connection lost (code {}); reconnecting in {} ms", 1006, 230);
        });

        List<String> lines = logged.lines().toList();
        assertEquals(2, lines.size(), logged);
        assertTrue(lines.get(0).matches(LINE_START + "INFO  Daemon - Listening on /run/user/1000/rpi-connect.sock"),
                logged);
        assertTrue(lines.get(1).matches(LINE_START + "WARN  Daemon - Event connection lost \\(code 1006\\); "
                + "reconnecting in 230 ms"), logged);
    }

    @Test
    void the_time_is_local_with_milliseconds_and_the_offset_and_the_level_is_padded_to_five() {
        assertEquals("2024-11-22T16:31:47.007+01:00 INFO  Daemon - rpi-connectd stopping",
                eventAt("Europe/Berlin", "2024-11-22T15:31:47.007Z", Level.INFO));
        assertEquals("2024-07-01T02:00:00.120+02:00 WARN  Daemon - rpi-connectd stopping",
                eventAt("Europe/Berlin", "2024-07-01T00:00:00.120Z", Level.WARN));
        assertEquals("2024-07-01T00:00:01.999Z DEBUG Daemon - rpi-connectd stopping", // the zone is read once a second
                eventAt("UTC", "2024-07-01T00:00:01.999Z", Level.DEBUG));
    }

    @Test
    void each_second_is_written_as_java_time_would_write_it_in_every_kind_of_zone() {
        DateTimeFormatter dateAndTime = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
        SplittableRandom random = new SplittableRandom(20261122);
        // UTC, daylight saving, half and quarter hours, west of UTC, and Amsterdam's +00:19:32 of the 1930s
        for (String zone : List.of("UTC", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns",
                "Europe/Amsterdam")) {
            inDefaultZone(zone, () -> {
                for (int i = 0; i < 20_000; i++) {
                    // 1900 to 2200: before 1970 too, and every kind of leap year (1900 and 2100 are not, 2000 is)
                    long epochSecond = random.nextLong(-2_208_988_800L, 7_258_118_400L);
                    int offset = TimeZone.getDefault().getOffset(epochSecond * 1000) / 1000;
                    ZoneOffset zoneOffset = ZoneOffset.ofTotalSeconds(offset);
                    String expected = dateAndTime.format(LocalDateTime.ofEpochSecond(epochSecond, 0, zoneOffset))
                            + zoneOffset.getId();
                    DaemonLogging.Second second = DaemonLogging.Second.of(epochSecond);
                    assertEquals(expected, second.dateAndTime() + second.offset(), zone + " at " + epochSecond);
                }
                return null;
            });
        }
    }

    private static String eventAt(String zone, String instant, Level level) {
        return inDefaultZone(zone, () -> {
            StringBuilder event = new StringBuilder();
            DaemonLogging.appendEvent(event, Instant.parse(instant).toEpochMilli(), level, "Daemon",
                    "rpi-connectd stopping", null);
            assertTrue(event.toString().endsWith(System.lineSeparator()), event::toString);
            return event.toString().strip();
        });
    }

    /** Runs {@code body} with the JVM's default time zone set to {@code zone}, then puts the old one back. */
    private static <T> T inDefaultZone(String zone, Supplier<T> body) {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try {
            return body.get();
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void verbose_shows_debug_from_our_loggers_but_third_party_libraries_stay_at_info() {
        DaemonLogging.debug(true);
        String logged = stdoutOf(() -> {
            DAEMON.debug("Offer for session {}", "s-1");
            LIBRARY.debug("library detail");
            LIBRARY.info("library news");
            DAEMON.trace("never written");
        });

        List<String> lines = logged.lines().toList();
        assertEquals(2, lines.size(), logged);
        assertTrue(lines.get(0).matches(LINE_START + "DEBUG Daemon - Offer for session s-1"), logged);
        assertTrue(lines.get(1).matches(LINE_START + "INFO  PtyHelpers - library news"), logged);
        assertTrue(DAEMON.isDebugEnabled());
        assertTrue(!LIBRARY.isDebugEnabled() && LIBRARY.isInfoEnabled());
    }

    @Test
    void only_loggers_under_org_openrpiconnect_are_ours() {
        assertTrue(DaemonLogging.isOurs("org.openrpiconnect"));
        assertTrue(DaemonLogging.isOurs("org.openrpiconnect.daemon.session.ShellSession"));
        assertTrue(!DaemonLogging.isOurs("org.openrpiconnectx.Other") && !DaemonLogging.isOurs("com.pty4j"));
    }

    @Test
    void a_throwable_follows_its_line_as_a_stack_trace() {
        IOException failure = new IOException("connection refused", new IllegalStateException("root cause"));
        String logged = stdoutOf(() -> DAEMON.warn("Sign-in failed for device {}", "d-1", failure));

        List<String> lines = logged.lines().toList();
        assertTrue(lines.get(0).matches(LINE_START + "WARN  Daemon - Sign-in failed for device d-1"), logged);
        assertEquals("java.io.IOException: connection refused", lines.get(1), logged);
        assertTrue(lines.get(2).startsWith("\tat org.openrpiconnect.daemon.DaemonLoggingTest."), logged);
        assertTrue(lines.stream().anyMatch(l -> l.equals("Caused by: java.lang.IllegalStateException: root cause")),
                logged);
        assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith("\t") || l.startsWith("java.io.IOException")
                || l.startsWith("Caused by:")), "only the stack trace follows the line: " + logged);
    }

    @Test
    void a_line_break_inside_a_message_is_escaped_so_one_event_stays_one_line() {
        String logged = stdoutOf(() -> DAEMON.info("Device renamed to {}", "pi\n2026-11-22T15:31:47.123Z INFO  Fake - forged\r"));

        assertEquals(1, logged.lines().count(), logged);
        assertTrue(logged.strip().endsWith("Device renamed to pi\\n2026-11-22T15:31:47.123Z INFO  Fake - forged\\r"),
                logged);
    }

    @Test
    void concurrent_loggers_write_whole_lines() {
        int threads = 8;
        int events = 500;
        String logged = stdoutOf(() -> {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String writer = "writer-" + t;
                Logger log = LoggerFactory.getLogger("org.openrpiconnect.daemon.session.Writer" + t);
                Thread thread = new Thread(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < events; i++) {
                        log.info("{} event {} {}", writer, i, "x".repeat(200));
                    }
                }, writer);
                thread.start();
                writers.add(thread);
            }
            start.countDown();
            writers.forEach(DaemonLoggingTest::joinQuietly);
        });

        List<String> lines = logged.lines().toList();
        assertEquals(threads * events, lines.size());
        for (String line : lines) {
            assertTrue(line.matches(LINE_START + "INFO  Writer\\d - writer-\\d event \\d+ x{200}"), line);
        }
    }

    private static String stdoutOf(Runnable logging) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
