package org.openrpiconnect.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM settings of the daemon (and the optional ones, added where the JVM accepts them) are written in three places: the package's launcher (the default), the commented
 * example in /etc/default/rpi-connect, and the checkout's bin/rpi-connectd (what the tests and benchmarks run).
 * They must say the same, or the benchmarks measure another daemon than the one users get.
 */
class LauncherSettingsTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void the_checkout_launcher_and_the_packages_defaults_give_the_daemon_the_same_jvm_settings() throws IOException {
        assertSameInAllThree("RPI_CONNECTD_JAVA_OPTS", "opts");
    }

    @Test
    void the_optional_daemon_settings_are_the_same_in_all_three_places_too() throws IOException {
        assertSameInAllThree("RPI_CONNECTD_OPTIONAL_JAVA_OPTS", "optional");
    }

    /** {@code packagedName="..."} in launcher.sh, commented out in the example, {@code checkoutName="..."} in bin/. */
    private static void assertSameInAllThree(String packagedName, String checkoutName) throws IOException {
        String packaged = quoted(REPO.resolve("packaging/debian/bin/launcher.sh"), "^" + packagedName + "=\"([^\"]+)\"");
        String example = quoted(REPO.resolve("packaging/debian/etc/default-rpi-connect"),
                "^#" + packagedName + "=\"([^\"]+)\"");
        String checkout = quoted(REPO.resolve("bin/rpi-connectd"), "^" + checkoutName + "=\"([^\"]+)\"");

        assertEquals(packaged, example, "the example in /etc/default/rpi-connect");
        assertEquals(packaged, checkout, "bin/rpi-connectd");
    }

    private static String quoted(Path file, String regex) throws IOException {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(Files.readString(file));
        assertTrue(m.find(), "no daemon JVM settings found in " + file);
        return m.group(1);
    }
}
