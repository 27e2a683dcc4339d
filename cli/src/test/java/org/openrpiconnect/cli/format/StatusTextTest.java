package org.openrpiconnect.cli.format;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.local.StatusResult;
import org.openrpiconnect.protocol.local.StatusResult.ServiceStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusTextTest {

    @Test
    void signed_in_device_shows_the_documented_four_lines_exactly() {
        StatusResult status = new StatusResult(true, true, new ServiceStatus(true, 0), new ServiceStatus(true, 0),
                "kitchen-pi", "https://connect.example.org", null, null);

        assertEquals("""
                Signed in: yes
                Subscribed to events: yes
                Screen sharing: allowed (0 sessions active)
                Remote shell: allowed (0 sessions active)
                """, StatusText.format(status));
    }

    @Test
    void signed_out_device_with_disallowed_services_and_active_sessions() {
        StatusResult status = new StatusResult(false, false, new ServiceStatus(false, 1), new ServiceStatus(false, 3),
                null, null, null, null);

        assertEquals("""
                Signed in: no
                Subscribed to events: no
                Screen sharing: disallowed (1 sessions active)
                Remote shell: disallowed (3 sessions active)
                """, StatusText.format(status));
    }

    @Test
    void pending_sign_in_and_problem_follow_the_four_lines() {
        StatusResult status = new StatusResult(false, false, new ServiceStatus(true, 0), new ServiceStatus(true, 0),
                null, null, "https://connect.example.org/verify/ABCD-EFGH",
                "The device was removed in the cloud; run rpi-connect signin to link it again\n");

        assertEquals("""
                Signed in: no
                Subscribed to events: no
                Screen sharing: allowed (0 sessions active)
                Remote shell: allowed (0 sessions active)
                Sign in pending: complete it by visiting https://connect.example.org/verify/ABCD-EFGH

                The device was removed in the cloud; run rpi-connect signin to link it again
                """, StatusText.format(status));
    }

    @Test
    void a_service_the_daemon_left_out_shows_as_disallowed() {
        StatusResult status = new StatusResult(true, false, null, new ServiceStatus(true, 0), null, null, null, null);

        assertEquals("Screen sharing: disallowed (0 sessions active)", StatusText.format(status).lines().toList().get(2));
    }
}
