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
        DaemonLogger logger = loggers.get(name);
        if (logger != null) {
            return logger;
        }
        // no lambda here: the first logger is made before anything else in the daemon needs lambdas' machinery
        DaemonLogger made = new DaemonLogger(name);
        DaemonLogger raced = loggers.putIfAbsent(name, made);
        return raced != null ? raced : made;
    }
}
