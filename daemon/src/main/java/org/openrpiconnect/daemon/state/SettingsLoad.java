package org.openrpiconnect.daemon.state;

import java.nio.file.Path;

/**
 * The settings to use, and when the file could not be read: the problem to show and the file to move aside
 * before it is rewritten (both null when all is well).
 */
public record SettingsLoad(Settings settings, String problem, Path garbledFile) {
    public static SettingsLoad ok(Settings settings) {
        return new SettingsLoad(settings, null, null);
    }
}
