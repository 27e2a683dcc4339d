package org.openrpiconnect.daemon;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaemonLoggingTest {
    @Test
    void logs_one_line_per_event_with_time_level_and_logger_and_hides_debug_by_default() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // a fresh context, as logback makes at start-up
        try {
            DaemonLogging.logToStdout(context); // the console appender binds System.out when it starts
            context.getLogger("org.openrpiconnect.daemon.Daemon").info("Listening on {}", "/run/user/1000/rpi-connect.sock");
            context.getLogger("org.openrpiconnect.daemon.Daemon").debug("not shown without -v");
        } finally {
            context.stop();
            System.setOut(original);
        }
        String logged = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, logged.lines().count(), logged);
        assertTrue(logged.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  Daemon - "
                + "Listening on /run/user/1000/rpi-connect.sock\\R"), logged);
    }
}
