package org.openrpiconnect.packaging;

/**
 * The package version for a Maven version: a snapshot sorts before its release (2.9.0~snapshot < 2.9.0). Spelled
 * as jdeb spells its [[version]], which names the .deb files (pom.xml), so file name and control file agree.
 */
public final class DebianVersion {
    private static final String SNAPSHOT = "-SNAPSHOT";

    private DebianVersion() {}

    public static String of(String mavenVersion) {
        if (!mavenVersion.matches("[0-9][A-Za-z0-9.+~-]*")) {
            throw new IllegalArgumentException("'" + mavenVersion + "' cannot be a Debian version: it must start "
                    + "with a digit and hold only letters, digits and . + ~ -");
        }
        if (mavenVersion.endsWith(SNAPSHOT)) {
            return mavenVersion.substring(0, mavenVersion.length() - SNAPSHOT.length()) + "~snapshot";
        }
        // A native package: a '-' would make dpkg read a Debian revision.
        return mavenVersion.replace('-', '~');
    }
}
