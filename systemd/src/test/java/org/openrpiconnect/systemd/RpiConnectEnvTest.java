package org.openrpiconnect.systemd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/rpi-connect-env, which rpi-connect-wayvnc.service runs wayvnc through. */
class RpiConnectEnvTest {
    private static final Path SCRIPT = UnitFiles.repoBinDir().resolve("rpi-connect-env");

    @TempDir
    Path runtimeDir;

    @Test
    void finds_the_wayland_socket_in_the_runtime_dir_when_wayland_display_is_unset() throws Exception {
        Files.createFile(runtimeDir.resolve("wayland-1.lock"));
        try (ServerSocketChannel compositor = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            compositor.bind(UnixDomainSocketAddress.of(runtimeDir.resolve("wayland-1")));

            ProcessResult result = run(Map.of(), "sh", "-c", "echo \"$WAYLAND_DISPLAY $XDG_SESSION_TYPE\"");

            assertEquals(0, result.exitCode(), result.output());
            assertEquals("wayland-1 wayland", result.output().strip());
        }
    }

    @Test
    void keeps_a_wayland_display_that_is_already_set() throws Exception {
        ProcessResult result = run(Map.of("WAYLAND_DISPLAY", "wayland-7"), "sh", "-c", "echo $WAYLAND_DISPLAY");

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("wayland-7", result.output().strip());
    }

    @Test
    void without_a_wayland_session_it_fails_and_says_what_is_needed() throws Exception {
        ProcessResult result = run(Map.of(), "true");

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("no Wayland session found"), result.output());
        assertTrue(result.output().contains(runtimeDir.toString()), result.output());
    }

    @Test
    void passes_arguments_and_exit_code_through_unchanged() throws Exception {
        Map<String, String> env = Map.of("WAYLAND_DISPLAY", "wayland-0");

        ProcessResult result = run(env, "sh", "-c", "echo \"$1|$2\"; exit 3", "sh", "a b", "--socket=%t/x");

        assertEquals(3, result.exitCode(), result.output());
        assertEquals("a b|--socket=%t/x", result.output().strip());
    }

    private ProcessResult run(Map<String, String> extraEnv, String... command) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("XDG_RUNTIME_DIR", runtimeDir.toString(),
                "PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
        env.putAll(extraEnv);
        List<String> argv = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        argv.addAll(List.of(command));
        return ProcessResult.run(argv, env, Files.createTempDirectory(runtimeDir.getParent(), "work"));
    }
}
