package org.openrpiconnect.packaging;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {
    @Test
    void placeholders_are_filled_and_other_at_signs_are_left_alone() {
        String filled = Templates.fill("Version: @VERSION@ for user@example.org, $1 and \\n",
                Map.of("VERSION", "2.9.0"), "control");

        assertEquals("Version: 2.9.0 for user@example.org, $1 and \\n", filled);
    }

    @Test
    void unknown_placeholder_fails_naming_the_file_and_the_placeholder() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Templates.fill("Depends: @DEPENDZ@", Map.of(), "debian/control/rpi-connect"));

        assertTrue(e.getMessage().startsWith("debian/control/rpi-connect uses @DEPENDZ@"), e.getMessage());
    }
}
