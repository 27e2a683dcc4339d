package org.openrpiconnect.daemon.logging;

import org.openrpiconnect.daemon.DaemonLogging;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A named logger: checks {@link DaemonLogging}'s level rules, formats the event and hands it to {@link LineOutput}. */
final class DaemonLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final transient boolean ours;
    private final transient String shortName;

    DaemonLogger(String name) {
        this.name = name;
        this.ours = DaemonLogging.isOurs(name);
        this.shortName = DaemonLogging.shortName(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return DaemonLogging.isEnabled(Level.TRACE, ours);
    }

    @Override
    public boolean isDebugEnabled() {
        return DaemonLogging.isEnabled(Level.DEBUG, ours);
    }

    @Override
    public boolean isInfoEnabled() {
        return DaemonLogging.isEnabled(Level.INFO, ours);
    }

    @Override
    public boolean isWarnEnabled() {
        return DaemonLogging.isEnabled(Level.WARN, ours);
    }

    @Override
    public boolean isErrorEnabled() {
        return DaemonLogging.isEnabled(Level.ERROR, ours);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null; // the line names no caller location
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                               Throwable thrown) {
        String message = arguments == null || arguments.length == 0
                ? messagePattern : MessageFormatter.basicArrayFormat(messagePattern, arguments);
        StringBuilder text = new StringBuilder(96 + (message == null ? 0 : message.length()));
        DaemonLogging.appendEvent(text, System.currentTimeMillis(), level, shortName, message, thrown);
        LineOutput.write(text.toString());
    }
}
