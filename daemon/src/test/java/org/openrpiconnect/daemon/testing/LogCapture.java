package org.openrpiconnect.daemon.testing;

import org.openrpiconnect.daemon.logging.LineOutput;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every logged event while open, as the daemon writes it minus the time, level and logger: the message, then
 * a stack trace (on further lines) when the event has a throwable.
 */
public final class LogCapture implements AutoCloseable {
    private static final String MESSAGE_START = " - ";

    private final List<String> events = new ArrayList<>();
    private final LineOutput.Tap tap = LineOutput.tap(this::add);

    private synchronized void add(String event) {
        events.add(event.substring(event.indexOf(MESSAGE_START) + MESSAGE_START.length()).stripTrailing());
    }

    public synchronized List<String> lines() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        tap.close();
    }
}
