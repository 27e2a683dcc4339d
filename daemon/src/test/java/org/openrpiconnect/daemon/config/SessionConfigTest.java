package org.openrpiconnect.daemon.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.StartupException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionConfigTest {
    @TempDir
    Path dir;

    @Test
    void eight_shells_by_default_and_the_user_file_wins() throws Exception {
        assertEquals(8, SessionConfig.from(ConnectConf.empty()).maxShellSessions());
        Path system = Files.writeString(dir.resolve("system.conf"), "max_shell_sessions=4\n");
        Path user = Files.writeString(dir.resolve("user.conf"), "max_shell_sessions = 12\ncloud_url=http://x.example\n");
        assertEquals(4, SessionConfig.from(ConnectConf.load(List.of(system))).maxShellSessions());
        assertEquals(12, SessionConfig.from(ConnectConf.load(List.of(system, user))).maxShellSessions());
    }

    @Test
    void a_value_that_is_not_a_number_in_range_stops_the_start_naming_file_and_range() throws Exception {
        for (String value : new String[] {"0", "65", "many", "-1", ""}) {
            Path conf = Files.writeString(dir.resolve("c.conf"), "max_shell_sessions=" + value + "\n");
            StartupException e = assertThrows(StartupException.class,
                    () -> SessionConfig.from(ConnectConf.load(List.of(conf))));
            assertTrue(e.getMessage().contains(conf.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("from 1 to 64"), e.getMessage());
        }
    }
}
