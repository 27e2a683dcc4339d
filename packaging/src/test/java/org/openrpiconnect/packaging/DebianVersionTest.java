package org.openrpiconnect.packaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DebianVersionTest {
    @Test
    void snapshot_sorts_before_its_release_spelled_as_jdeb_names_the_file() {
        assertEquals("2.9.0~snapshot", DebianVersion.of("2.9.0-SNAPSHOT"));
    }

    @Test
    void release_version_is_kept() {
        assertEquals("2.9.0", DebianVersion.of("2.9.0"));
    }

    @Test
    void dash_in_a_native_version_becomes_a_tilde_so_dpkg_reads_no_revision() {
        assertEquals("3.0.0~rc1", DebianVersion.of("3.0.0-rc1"));
    }

    @Test
    void version_not_starting_with_a_digit_is_refused_with_the_rule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DebianVersion.of("v1"));
        assertEquals("'v1' cannot be a Debian version: it must start with a digit and hold only letters, digits "
                + "and . + ~ -", e.getMessage());
    }
}
