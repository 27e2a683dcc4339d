package org.openrpiconnect.cloud.model;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeviceFiltersTest {

    @Test
    void a_pi_5_on_raspberry_pi_os_trixie_is_model_5_memory_8gb_os_raspios_13() {
        DeviceFilters f = DeviceFilters.of("Raspberry Pi 5", "8 GB", "Raspberry Pi OS", "13 (Trixie)");
        assertEquals(new DeviceFilters("5", "8gb", "raspios-13"), f);
        assertEquals("{model=5, memory=8gb, os=raspios-13}", f.asMap().toString());
    }

    @Test
    void os_values_are_the_short_name_and_release() {
        assertEquals("debian-12", DeviceFilters.os("Debian GNU/Linux", "12 (bookworm)"));
        assertEquals("raspios-12", DeviceFilters.os("Raspbian GNU/Linux", "12 (bookworm)"));
        assertEquals("ubuntu-24.04", DeviceFilters.os("Ubuntu", "24.04.1 LTS (Noble Numbat)"));
        assertEquals("fedora-40", DeviceFilters.os("Fedora Linux", "40 (Workstation Edition)"));
        assertEquals("debian", DeviceFilters.os("Debian GNU/Linux", null));
        assertEquals(null, DeviceFilters.os(null, "12"));
    }

    @Test
    void unknown_attributes_are_left_out() {
        DeviceFilters f = DeviceFilters.of("Raspberry Pi 5 Model B Rev 1.0", "3 GB", null, null);
        assertEquals(new DeviceFilters(null, null, null), f);
        assertEquals(Map.of(), f.asMap());
        assertEquals("4b", DeviceFilters.of("Raspberry Pi 4B", null, null, null).model());
    }
}
