package org.openrpiconnect.cli.local;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VersionWarningTest {
    private final StringWriter err = new StringWriter();
    private final VersionWarning warning = new VersionWarning(new PrintWriter(err), "2.9.0");

    @Test
    void same_version_says_nothing() {
        warning.check("2.9.0");

        assertEquals("", err.toString());
    }

    @Test
    void other_version_is_reported_once() {
        warning.check("2.8.1");
        warning.check("2.8.1");
        warning.check("2.7.0");

        assertEquals("rpi-connect 2.9.0 is talking to rpi-connectd 2.8.1; run rpi-connect restart\n", err.toString());
    }

    @Test
    void a_daemon_that_names_no_version_is_reported_too() {
        warning.check(null);

        assertEquals("rpi-connect 2.9.0 is talking to rpi-connectd of an unknown version; run rpi-connect restart\n",
                err.toString());
    }
}
