package org.openrpiconnect.cli.local;

import org.openrpiconnect.cli.CliException;

/** The daemon answered something this CLI cannot read (closed early, garbled, wrong shape): a version mix-up or bug. */
public final class DaemonProtocolException extends CliException {
    public DaemonProtocolException(String problem) {
        super("rpi-connectd sent an answer rpi-connect cannot read (" + problem + "); run rpi-connect restart, "
                + "and if it persists check that rpi-connect and rpi-connectd are the same version");
    }
}
