package org.openrpiconnect.daemon.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One logger per name, made on first use. */
final class DaemonLoggerFactory implements ILoggerFactory {
    private final ConcurrentMap<String, DaemonLogger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, DaemonLogger::new);
    }
}
