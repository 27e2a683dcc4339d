package org.openrpiconnect.cloud.service;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.model.DeviceSearch;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceQueryParserTest {

    @Test
    void the_seed_example_is_a_model_a_tag_and_free_text() {
        DeviceSearch s = DeviceQueryParser.parse("model:5 tag:production dashboard");
        assertEquals(List.of("5"), s.models());
        assertEquals(List.of("production"), s.tags());
        assertEquals(List.of("dashboard"), s.text());
    }

    @Test
    void repeated_tags_are_all_kept_and_qualifiers_ignore_case() {
        DeviceSearch s = DeviceQueryParser.parse(
                "  TAG:production   tag:kiosk Memory:8GB os:Raspios-13 model:CM5-Lite");
        assertEquals(List.of("production", "kiosk"), s.tags());
        assertEquals(List.of("8gb"), s.memories());
        assertEquals(List.of("raspios-13"), s.oses());
        assertEquals(List.of("cm5-lite"), s.models());
    }

    @Test
    void quotes_keep_spaces_and_unknown_qualifiers_are_free_text() {
        DeviceSearch s = DeviceQueryParser.parse("\"point of sale\" colour:red \"model:5\"");
        assertEquals(List.of("point of sale", "colour:red", "model:5"), s.text());
        assertTrue(s.models().isEmpty());
    }

    @Test
    void blank_is_everything() {
        assertTrue(DeviceQueryParser.parse(null).isEmpty());
        assertTrue(DeviceQueryParser.parse("   ").isEmpty());
    }

    @Test
    void bad_values_say_what_to_write_instead() {
        assertTrue(assertThrows(CloudError.class, () -> DeviceQueryParser.parse("model:6")).getMessage()
                .contains("cm5-lite"));
        assertTrue(assertThrows(CloudError.class, () -> DeviceQueryParser.parse("memory:3gb")).getMessage()
                .contains("16gb"));
        assertTrue(assertThrows(CloudError.class, () -> DeviceQueryParser.parse("tag:")).getMessage()
                .contains("tag:production"));
        assertEquals(CloudError.Kind.BAD_REQUEST, assertThrows(CloudError.class,
                () -> DeviceQueryParser.parse("tag:" + "x".repeat(31))).kind());
        assertThrows(CloudError.class, () -> DeviceQueryParser.parse("os:../etc"));
        assertThrows(CloudError.class, () -> DeviceQueryParser.parse("\"unclosed"));
        assertThrows(CloudError.class, () -> DeviceQueryParser.parse("x".repeat(501)));
    }
}
