package org.openrpiconnect.cli.local;

import org.openrpiconnect.protocol.Version;

import java.io.PrintWriter;
import java.util.Objects;

/** Warns once per run when the daemon that answers is not of the CLI's version (typically: upgraded, not restarted). */
public final class VersionWarning {
    private final PrintWriter err;
    private final String cliVersion;
    private boolean warned;

    /** Against this CLI's version, read only once a daemon answers ("not running" costs no resource read). */
    public VersionWarning(PrintWriter err) {
        this(err, null);
    }

    VersionWarning(PrintWriter err, String cliVersion) {
        this.err = err;
        this.cliVersion = cliVersion;
    }

    void check(String daemonVersion) {
        if (warned) return;
        String expected = cliVersion != null ? cliVersion : Version.current();
        if (Objects.equals(expected, daemonVersion)) return;
        warned = true;
        String daemon = daemonVersion == null ? "of an unknown version" : daemonVersion;
        err.println("rpi-connect " + expected + " is talking to rpi-connectd " + daemon + "; run rpi-connect restart");
        err.flush();
    }
}
