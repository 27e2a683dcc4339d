package org.openrpiconnect.cli.local;

import org.openrpiconnect.cli.CliException;
import org.openrpiconnect.protocol.local.LocalError;
import org.openrpiconnect.protocol.local.LocalErrorCode;

/** The daemon answered with an error; its message (which says what to do next) is what the user sees. */
public final class DaemonErrorException extends CliException {
    private final LocalErrorCode code;

    public DaemonErrorException(LocalError error) {
        super(messageOf(error));
        this.code = error.code() == null ? LocalErrorCode.INTERNAL : error.code();
    }

    public LocalErrorCode code() {
        return code;
    }

    private static String messageOf(LocalError error) {
        if (error.message() != null && !error.message().isBlank()) return error.message();
        String code = error.code() == null ? "an unknown error" : error.code().wire();
        return "rpi-connectd reported " + code + " without details; see its log (journalctl --user-unit rpi-connect.service)";
    }
}
