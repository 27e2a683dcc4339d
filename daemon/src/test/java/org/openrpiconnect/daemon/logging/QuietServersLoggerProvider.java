package org.openrpiconnect.daemon.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.List;

/**
 * Daemon tests only (chosen with -Dslf4j.provider in the daemon's surefire configuration): the daemon's own logging,
 * except that the in-process fake cloud's web server (Javalin, Jetty) writes only warnings and errors. Its start-up
 * chatter filled CI's output with hundreds of lines per run.
 */
public final class QuietServersLoggerProvider implements SLF4JServiceProvider {
    private static final List<String> SERVERS = List.of("io.javalin", "org.eclipse.jetty");

    private final DaemonLoggerProvider daemon = new DaemonLoggerProvider();
    private ILoggerFactory loggerFactory;

    @Override
    public void initialize() {
        daemon.initialize();
        ILoggerFactory daemonLoggers = daemon.getLoggerFactory();
        loggerFactory = name -> isServer(name)
                ? new WarningsOnly((DaemonLogger) daemonLoggers.getLogger(name)) : daemonLoggers.getLogger(name);
    }

    private static boolean isServer(String name) {
        for (String server : SERVERS) {
            if (name.equals(server) || name.startsWith(server + ".")) return true;
        }
        return false;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return daemon.getMarkerFactory();
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return daemon.getMDCAdapter();
    }

    @Override
    public String getRequestedApiVersion() {
        return daemon.getRequestedApiVersion();
    }

    /** A server's logger: warnings and errors go to the daemon's logger, the rest nowhere. */
    private static final class WarningsOnly extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient DaemonLogger daemonLogger;

        WarningsOnly(DaemonLogger daemonLogger) {
            this.name = daemonLogger.getName();
            this.daemonLogger = daemonLogger;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return daemonLogger.isWarnEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return daemonLogger.isErrorEnabled();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
                                                   Object[] arguments, Throwable thrown) {
            daemonLogger.handleNormalizedLoggingCall(level, marker, messagePattern, arguments, thrown);
        }
    }
}
