package org.openrpiconnect.e2e.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness itself, without the programs under test: quick checks that its rules hold on this machine. */
class HarnessSelfTest {
    private final Path base = TempDirs.create("self");

    @AfterEach
    void cleanUp() {
        TempDirs.deleteRecursively(base);
    }

    @Test
    void device_side_commands_run_as_the_test_user_with_only_the_given_environment() {
        Path home = RunAs.privateDir(base.resolve("home"));
        List<String> cmd = RunAs.command(Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin"),
                List.of("sh", "-c", "id -un; env | sort; touch \"$HOME/written\""));

        ProcessResult r = CommandRunner.run("whoami", cmd, null, null, Duration.ofSeconds(10));

        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.stdout().lines().toList();
        String expectedUser = RunAs.isRoot() ? RunAs.TEST_USER : System.getProperty("user.name");
        assertEquals(expectedUser, lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith("HOME=") || l.startsWith("PATH=")
                || l.startsWith("PWD=") || l.startsWith("SHLVL=") || l.startsWith("_=")), r::toString);
        assertTrue(Files.exists(home.resolve("written")), "the private HOME must be writable by its user");
    }

    @Test
    void board_files_look_like_the_kernel_shows_them() throws Exception {
        Board board = Board.create(base, "self", "0123456789abcdef");

        assertEquals("0123456789abcdef\0", Files.readString(board.root().resolve("proc/device-tree/serial-number")));
        assertEquals(Board.PI5_MODEL + "\0", Files.readString(board.root().resolve("proc/device-tree/model")));
        String cpuinfo = Files.readString(board.root().resolve("proc/cpuinfo"));
        assertTrue(Pattern.compile("(?m)^Serial\\s+: 0123456789abcdef$").matcher(cpuinfo).find(), cpuinfo);
        assertTrue(Pattern.compile("(?m)^Revision\\s+: d04170$").matcher(cpuinfo).find(), cpuinfo);
        assertEquals("pi-self\n", Files.readString(board.root().resolve("etc/hostname")));
    }

    @Test
    void managed_process_output_is_awaited_logged_and_the_process_stopped() throws Exception {
        Path log = base.resolve("p.log");
        ManagedProcess p = ManagedProcess.start("sleeper", List.of("sh", "-c", "echo ready at 42; exec sleep 60"),
                null, log);

        assertEquals("42", p.awaitLine(Pattern.compile("ready at (\\d+)"), Duration.ofSeconds(10)).group(1));
        p.stop();

        assertFalse(p.isAlive());
        assertTrue(Files.readString(log).contains("ready at 42"));
    }

    @Test
    void awaiting_a_line_fails_at_once_when_the_process_exits_without_it() {
        ManagedProcess p = ManagedProcess.start("quitter", List.of("sh", "-c", "echo bye; exit 3"), null,
                base.resolve("q.log"));
        long t0 = System.nanoTime();

        AssertionError e = assertThrows(AssertionError.class,
                () -> p.awaitLine(Pattern.compile("never"), Duration.ofSeconds(30)));

        assertTrue(e.getMessage().contains("exited 3"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos(), "must not wait for the timeout");
    }

    @Test
    void command_lines_in_logs_mask_auth_keys_but_not_key_files() {
        assertEquals("rpi-connect signin --auth-key=***",
                Redact.commandLine(List.of("rpi-connect", "signin", "--auth-key=rpuak_secret123")));
        assertEquals("rpi-connect signin --auth-key=@/tmp/k",
                Redact.commandLine(List.of("rpi-connect", "signin", "--auth-key=@/tmp/k")));
    }

    @Test
    void secret_scanner_names_the_secret_and_never_prints_it() {
        SecretScanner s = new SecretScanner().add("token", "rporg_abcdefghijkl")
                .addPrivateKeyPem("key", "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\nAwEH\n"
                        + "-----END PRIVATE KEY-----\n");

        List<String> found = s.findIn("log", "ok\nsent rporg_abcdefghijkl\nkey MIGHAgEAMBMGByqGSM49AgEGCCqGSM49");

        assertEquals(List.of("token in log line 2", "key (line 1) in log line 3"), found);
        assertTrue(found.stream().noneMatch(f -> f.contains("rporg_")));
    }

    @Test
    void secret_scan_of_files_reads_the_included_files_and_reports_where() throws Exception {
        Files.createDirectories(base.resolve("t"));
        Files.writeString(base.resolve("cloud.log"), "fine\n");
        Files.writeString(base.resolve("t/daemon.log"), "a\nleaked rpuak_0123456789\n");
        Files.writeString(base.resolve("admin-stdout.log"), "rpuak_0123456789\n");

        SecretScanner.FileScan scan = new SecretScanner().add("key", "rpuak_0123456789")
                .scanFiles(base, f -> !f.getFileName().toString().equals("admin-stdout.log"));

        assertEquals(List.of("cloud.log", "t/daemon.log"), scan.scanned());
        assertEquals(List.of("key in t/daemon.log line 2"), scan.findings());
    }

    @Test
    void headless_chromium_renders_a_page_with_the_debian_driver() throws Exception {
        Path page = base.resolve("page.html");
        Files.writeString(page, "<html><body><p id='x'>hello e2e</p></body></html>", StandardCharsets.UTF_8);

        try (Browser browser = Browser.start()) {
            browser.open(page.toUri().toString());
            assertEquals("hello e2e", browser.await(By.id("x")).getText());
        }
        assertFalse(Files.exists(Path.of(System.getProperty("user.home"), ".cache", "selenium")),
                "Selenium Manager must not have been used");
    }
}
