package org.openrpiconnect.cli.local;

import org.openrpiconnect.protocol.Version;

import java.io.PrintWriter;
import java.util.Objects;

/** Warns once per run when the daemon that answers is not of the CLI's version (typically: upgraded, not restarted). */
public final class VersionWarning {
    private final PrintWriter err;
    private final String cliVersion;
    private boolean warned;

    public VersionWarning(PrintWriter err) {
        this(err, Version.current());
    }

    VersionWarning(PrintWriter err, String cliVersion) {
        this.err = err;
        this.cliVersion = cliVersion;
    }

    void check(String daemonVersion) {
        if (warned || Objects.equals(cliVersion, daemonVersion)) return;
        warned = true;
        String daemon = daemonVersion == null ? "of an unknown version" : daemonVersion;
        err.println("rpi-connect " + cliVersion + " is talking to rpi-connectd " + daemon + "; run rpi-connect restart");
        err.flush();
    }
}
