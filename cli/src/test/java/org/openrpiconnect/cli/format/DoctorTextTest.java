package org.openrpiconnect.cli.format;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.local.DoctorResult;
import org.openrpiconnect.protocol.local.DoctorResult.Check;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DoctorTextTest {

    @Test
    void all_passed_prints_one_tick_line_per_check_and_no_summary() {
        DoctorResult result = new DoctorResult(List.of(new Check(DoctorResult.WEBSOCKET, true, null),
                new Check(DoctorResult.API, true, null), new Check(DoctorResult.AUTHENTICATION, true, "")));

        assertEquals("""
                ✓ Communication with Raspberry Pi Connect WebSocket server
                ✓ Communication with Raspberry Pi Connect API
                ✓ Authentication with Raspberry Pi Connect API
                """, DoctorText.format(result));
    }

    @Test
    void failed_check_shows_its_hint_and_a_final_summary_line() {
        DoctorResult result = new DoctorResult(List.of(new Check("Wayland compositor available", true, null),
                new Check("Screen sharing services enabled and active", false,
                        "Please run rpi-connect on to enable and start all required services"),
                new Check(DoctorResult.API, true, null)));

        assertEquals("""
                ✓ Wayland compositor available
                ✗ Screen sharing services enabled and active - Please run rpi-connect on to enable and start all required services
                ✓ Communication with Raspberry Pi Connect API
                ✗ Some checks failed
                """, DoctorText.format(result));
    }

    @Test
    void failed_check_without_a_hint_has_no_dangling_dash() {
        DoctorResult result = new DoctorResult(List.of(new Check(DoctorResult.AUTHENTICATION, false, null)));

        assertEquals("✗ Authentication with Raspberry Pi Connect API\n✗ Some checks failed\n", DoctorText.format(result));
    }
}
