package org.openrpiconnect.daemon.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LoginShellTest {
    @TempDir
    Path dir;

    @Test
    void shell_from_the_environment_then_passwd_then_bin_sh() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\nalice:x:1001:1001::/home/alice:/bin/sh\n");
        assertEquals(Path.of("/bin/bash"), LoginShell.resolve(Map.of("SHELL", "/bin/bash"), passwd, 1001));
        assertEquals(Path.of("/bin/sh"), LoginShell.resolve(Map.of(), passwd, 1001));
        assertEquals(Path.of("/bin/bash"), LoginShell.resolve(Map.of("SHELL", "/no/such/shell"), passwd, 0));
        assertEquals(LoginShell.FALLBACK, LoginShell.resolve(Map.of("SHELL", "zsh"), passwd, 4242));
    }

    @Test
    void the_environment_gets_term_and_connect_tty_but_not_the_service_manager_variables() {
        Map<String, String> env = ShellEnvironment.of(Map.of("HOME", "/home/a", "TERM", "dumb",
                "NOTIFY_SOCKET", "/run/systemd/notify", "INVOCATION_ID", "x", "LANG", "C.UTF-8"), "/bin/bash");
        assertEquals("xterm-256color", env.get("TERM"));
        assertEquals("1", env.get("CONNECT_TTY"));
        assertEquals("/bin/bash", env.get("SHELL"));
        assertEquals("C.UTF-8", env.get("LANG"));
        assertFalse(env.containsKey("NOTIFY_SOCKET"));
        assertFalse(env.containsKey("INVOCATION_ID"));
    }

    @Test
    void session_of_a_process_is_read_past_a_command_name_with_spaces_and_parentheses() throws Exception {
        Path stat = Files.writeString(dir.resolve("stat"), "4242 (my (odd) cmd) S 1 4242 4200 34816 4242 ...");
        assertEquals(4200L, ProcessSessions.sessionOf(stat));
        Path zombie = Files.writeString(dir.resolve("zstat"), "4243 (sh) Z 1 4243 4200 0 -1 ...");
        assertEquals(null, ProcessSessions.sessionOf(zombie));
    }
}
