package org.openrpiconnect.daemon.local;

import java.nio.file.Path;

/** A live daemon already answers on the socket. */
public final class AlreadyRunningException extends Exception {
    public AlreadyRunningException(Path socket) {
        super("rpi-connectd is already running (" + socket + ")", null, false, false);
    }
}
