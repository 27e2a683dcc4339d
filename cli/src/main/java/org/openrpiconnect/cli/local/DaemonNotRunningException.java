package org.openrpiconnect.cli.local;

/** No daemon listens on the socket (no socket file, or a stale one that refuses connections). */
public final class DaemonNotRunningException extends DaemonUnreachableException {
    /** Word for word as the user documentation shows it. */
    public static final String MESSAGE = "Raspberry Pi Connect is not running, run rpi-connect on";

    public DaemonNotRunningException() {
        super(MESSAGE);
    }
}
