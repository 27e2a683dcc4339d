package org.openrpiconnect.packaging;

import java.util.List;

/** The two packages: what differs between the full one (with screen sharing) and the Lite one. */
public enum Flavour {
    FULL("rpi-connect",
            List.of("rpi-connect.service", "rpi-connect-signin.path", "rpi-connect-signin.service",
                    "rpi-connect-wayvnc.service"),
            true),
    LITE("rpi-connect-lite",
            List.of("rpi-connect.service", "rpi-connect-signin.path", "rpi-connect-signin.service"),
            false);

    private final String packageName;
    private final List<String> units;
    private final boolean screenSharing;

    Flavour(String packageName, List<String> units, boolean screenSharing) {
        this.packageName = packageName;
        this.units = units;
        this.screenSharing = screenSharing;
    }

    public String packageName() {
        return packageName;
    }

    /** The user units this package installs in /usr/lib/systemd/user. */
    public List<String> units() {
        return units;
    }

    /** Screen sharing: the wayvnc unit, its configuration and rpi-connect-env, and a dependency on wayvnc. */
    public boolean screenSharing() {
        return screenSharing;
    }
}
