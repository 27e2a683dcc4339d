package org.openrpiconnect.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.LoggerFactory;

/**
 * The daemon's logging, set up in code (found by logback through META-INF/services) rather than from a logback.xml:
 * the XML configurator loads an XML parser and a few hundred classes that an idle daemon would keep in memory.
 * One line per event on stdout (journald adds its own metadata under systemd); {@code -v} raises our own loggers to
 * DEBUG, third-party libraries stay at INFO so debug output is ours.
 */
public final class DaemonLogging extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg%n";
    private static final String OUR_LOGGERS = "org.openrpiconnect";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (xmlConfigurationPresent()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // an explicit logback.xml (the tests', an administrator's) wins
        }
        logToStdout(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void logToStdout(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("STDOUT");
        stdout.setEncoder(encoder);
        stdout.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stdout);
    }

    private static boolean xmlConfigurationPresent() {
        ClassLoader loader = DaemonLogging.class.getClassLoader();
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null;
    }

    /** {@code -v}: debug detail from our own code. */
    static void enableDebug() {
        ((Logger) LoggerFactory.getLogger(OUR_LOGGERS)).setLevel(Level.DEBUG);
    }
}
