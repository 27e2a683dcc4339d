package org.openrpiconnect.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, stamped by Maven at build time; the CLI, daemon and cloud all report this one. */
public final class Version {
    private static final String VALUE = load();

    private Version() {}

    public static String current() {
        return VALUE;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "0.0.0").replace("-SNAPSHOT", "");
        } catch (IOException e) {
            return "0.0.0";
        }
    }
}
