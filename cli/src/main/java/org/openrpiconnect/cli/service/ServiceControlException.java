package org.openrpiconnect.cli.service;

import org.openrpiconnect.cli.CliException;

/** `on`, `off` or `restart` failed: systemctl refused, or rpi-connectd exited or stayed silent when started. */
public final class ServiceControlException extends CliException {
    public ServiceControlException(String message) {
        super(message);
    }
}
