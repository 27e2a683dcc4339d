package org.openrpiconnect.cloud.command;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log levels: the server logs INFO (DEBUG with -v); admin commands only WARN (DEBUG with -v). Logs go to stderr. */
final class Verbosity {
    private Verbosity() {}

    static void apply(boolean verbose, boolean server) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (verbose) {
            root.setLevel(Level.DEBUG);
            ((Logger) LoggerFactory.getLogger("org.openrpiconnect")).setLevel(Level.DEBUG);
        } else {
            ((Logger) LoggerFactory.getLogger("org.openrpiconnect")).setLevel(server ? Level.INFO : Level.WARN);
        }
    }
}
