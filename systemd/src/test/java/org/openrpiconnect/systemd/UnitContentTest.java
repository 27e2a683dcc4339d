package org.openrpiconnect.systemd;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the user documentation relies on: its override examples replace ExecStart= with these command lines plus a
 * debug flag, so the units must run exactly these commands; and the auth key file it names is the one watched.
 */
class UnitContentTest {

    @Test
    void the_four_user_units_are_shipped() {
        List<String> names = UnitFiles.all().stream().map(p -> p.getFileName().toString()).toList();

        assertEquals(List.of("rpi-connect-signin.path", "rpi-connect-signin.service", "rpi-connect-wayvnc.service",
                "rpi-connect.service"), names);
    }

    @Test
    void daemon_unit_runs_the_documented_command_line_and_restarts_on_failure() {
        List<String> lines = lines("rpi-connect.service");

        assertTrue(lines.contains("Description=Raspberry Pi Connect"), lines::toString);
        assertTrue(lines.contains("ExecStart=/usr/bin/rpi-connectd -socket %t/rpi-connect-wayvnc.sock"), lines::toString);
        assertTrue(lines.contains("Restart=on-failure"), lines::toString);
        assertTrue(lines.contains("SuccessExitStatus=143"), "a stop by systemd (SIGTERM) would leave the unit failed");
        assertTrue(lines.contains("WantedBy=default.target"), lines::toString);
    }

    @Test
    void wayvnc_unit_runs_the_documented_command_line_on_unix_sockets_in_the_runtime_dir() {
        List<String> lines = lines("rpi-connect-wayvnc.service");

        assertTrue(lines.contains("ExecStart=/usr/bin/rpi-connect-env /usr/bin/wayvnc --config "
                + "/etc/rpi-connect/wayvnc.config --render-cursor --unix-socket "
                + "--socket=%t/rpi-connect-wayvnc-ctl.sock %t/rpi-connect-wayvnc.sock"), lines::toString);
    }

    @Test
    void signin_path_watches_the_documented_auth_key_file_and_starts_the_signin_service() {
        List<String> path = lines("rpi-connect-signin.path");
        List<String> service = lines("rpi-connect-signin.service");

        assertTrue(path.contains("PathExists=%h/.config/com.raspberrypi.connect/auth.key"), path::toString);
        assertTrue(path.contains("Unit=rpi-connect-signin.service"), path::toString);
        assertTrue(path.contains("WantedBy=default.target"), path::toString);
        assertTrue(service.contains("Type=oneshot"), service::toString);
        assertTrue(service.contains("ExecStart=/usr/bin/systemctl --user start rpi-connect.service"),
                service::toString);
    }

    private static List<String> lines(String unit) {
        return UnitFiles.read(UnitFiles.unit(unit)).lines().map(String::strip).toList();
    }
}
