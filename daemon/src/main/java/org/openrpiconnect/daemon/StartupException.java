package org.openrpiconnect.daemon;

/** The daemon cannot start as configured; the message tells the user what to do (printed as is, exit 1). */
public class StartupException extends Exception {
    public StartupException(String message) {
        super(message);
    }
}
