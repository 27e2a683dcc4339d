package org.openrpiconnect.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** rpi-connectd is a per-user service: running it as root is refused unless asked for (containers). */
final class RootGuard {
    static final String MESSAGE = "rpi-connectd runs as an ordinary user (it is a per-user service, started by "
            + "systemd --user); run it as your user, or pass --allow-root inside a container";

    private RootGuard() {}

    static boolean runningAsRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
