package org.openrpiconnect.cli.local;

import org.openrpiconnect.cli.CliException;

/** The daemon's socket could not be used: not there, refusing, not ours, or silent for too long. */
public class DaemonUnreachableException extends CliException {
    public DaemonUnreachableException(String message) {
        super(message);
    }
}
