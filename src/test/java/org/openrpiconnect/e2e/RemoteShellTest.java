package org.openrpiconnect.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.HasPermissions;
import org.openrpiconnect.e2e.harness.BrowserPerClass;
import org.openrpiconnect.e2e.harness.CloudPerClass;
import org.openrpiconnect.e2e.harness.DashboardPage;
import org.openrpiconnect.e2e.harness.E2ePaths;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.Fixtures.SignedInOwner;
import org.openrpiconnect.e2e.harness.ProcessResult;
import org.openrpiconnect.e2e.harness.RemoteShellPage;
import org.openrpiconnect.e2e.harness.StatusOutput;
import org.openrpiconnect.e2e.harness.Waits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remote shell in a real browser (seed 000, "Remote shell"): headless Chromium on the cloud's dashboard, the
 * real daemon answering over WebRTC, peer to peer or relayed through a real coturn with the credentials the cloud
 * hands out. The daemon runs as the test user; the shell is that user's login shell on a pty.
 */
class RemoteShellTest {
    /** What {@code echo $CONNECT_TTY; tty} prints in a Connect shell. */
    private static final Pattern CONNECT_TTY = Pattern.compile("(?m)^1\\n(/dev/pts/\\d+)$");
    /** The daemon kills a left shell's process group within 5 s; the cloud relays the close at once. */
    private static final Duration SHELL_GONE = Duration.ofSeconds(10);
    private static final Duration DOT = Duration.ofSeconds(15);

    @RegisterExtension
    static final CloudPerClass shared = CloudPerClass.withTurn();
    @RegisterExtension
    static final BrowserPerClass chromium = new BrowserPerClass();

    /** A new account signed in in the browser, with a device linked to it and subscribed. */
    private static SignedInOwner linkedDevice(String name) {
        return Fixtures.linkAndSignIn(shared.cloud(), shared.devices(), chromium.browser(), name,
                Fixtures.uniqueName(name + "-pi"));
    }

    @Test
    void shell_opened_from_the_dashboard_runs_on_the_device_follows_resizes_and_ends_on_disconnect() {
        SignedInOwner l = linkedDevice("direct");
        DashboardPage dashboard = new DashboardPage(chromium.browser(), shared.cloud().url()).open();
        dashboard.awaitSessionCount(l.deviceId(), 0, DOT);
        assertFalse(dashboard.badgeCrossedOut(l.deviceId(), "shell"));

        String dashboardWindow = dashboard.connectViaRemoteShell(l.deviceId());
        RemoteShellPage shell = new RemoteShellPage(chromium.browser());
        shell.awaitConnected();
        String padlock = shell.awaitPadlock();
        assertTrue(padlock.contains("direct") && padlock.contains("encrypted (DTLS)"), padlock);
        assertTrue(shell.padlockTitle().contains("DTLS"), shell.padlockTitle());

        shell.type("echo $CONNECT_TTY; tty\n");
        String tty = shell.awaitOutput(CONNECT_TTY).group(1);
        assertFalse(RemoteShellPage.shellPids(l.device()).isEmpty(), "the shell runs on the device");
        l.device().awaitStatus("one remote shell session active", Duration.ofSeconds(10),
                s -> s.statusLines().size() == 4 && s.statusLines().get(3).startsWith("Remote shell: allowed (1 "));

        int[] size = shell.terminalSize();
        shell.type("stty size\n");
        shell.awaitOutput(Pattern.compile("(?m)^" + size[1] + " " + size[0] + "$"));
        shell.resizeWindow(1100, 760);
        int[] resized = Waits.until(Duration.ofSeconds(10), "the terminal to follow the window", () -> {
            int[] now = shell.terminalSize();
            return now[0] != size[0] && now[1] != size[1] ? now : null;
        }, () -> "still " + size[0] + "x" + size[1]);
        shell.type("clear; stty size\n");
        shell.awaitOutput(Pattern.compile("(?m)^" + resized[1] + " " + resized[0] + "$"));

        chromium.browser().driver().switchTo().window(dashboardWindow);
        dashboard.awaitSessionCount(l.deviceId(), 1, DOT);
        chromium.browser().driver().switchTo().window(chromium.browser().driver().getWindowHandles().stream()
                .filter(w -> !w.equals(dashboardWindow)).findFirst().orElseThrow());

        shell.disconnect();
        assertEquals("Disconnected.", shell.awaitClosed(Duration.ofSeconds(5)));
        Waits.until(SHELL_GONE, "the shell on " + tty + " to be gone", () ->
                RemoteShellPage.shellPids(l.device()).isEmpty() && processesOn(tty).isEmpty());
        chromium.browser().driver().close();
        chromium.browser().driver().switchTo().window(dashboardWindow);
        dashboard.awaitSessionCount(l.deviceId(), 0, DOT);
        l.device().awaitStatus("no session active", Duration.ofSeconds(10), StatusOutput::healthy);
    }

    @Test
    void relay_only_shell_goes_through_coturn_and_the_padlock_says_relayed() {
        SignedInOwner l = linkedDevice("relayed");
        RemoteShellPage shell = RemoteShellPage.open(chromium.browser(), shared.cloud().url(), l.deviceId(), true);
        shell.awaitConnected();
        String padlock = shell.awaitPadlock();
        assertTrue(padlock.contains("relayed") && padlock.contains("encrypted (DTLS)"), padlock);
        assertTrue(shell.padlockTitle().contains("relay"), shell.padlockTitle());

        shell.type("echo $CONNECT_TTY; tty\n");
        String tty = shell.awaitOutput(CONNECT_TTY).group(1);
        // the device allocated its relay with the credential the cloud made for it (user "expiry:deviceId")
        assertTrue(shared.turn().log().contains(":" + l.deviceId()), "coturn saw no allocation by the device:\n"
                + shared.turn().log());

        shell.disconnect();
        shell.awaitClosed(Duration.ofSeconds(5));
        Waits.until(SHELL_GONE, "the relayed shell on " + tty + " to be gone", () ->
                RemoteShellPage.shellPids(l.device()).isEmpty());
        assertNoLogHolds(readSecret(shared.turn().secretFile()), "the TURN shared secret");
    }

    private static String readSecret(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /** No log of this class (cloud, coturn, daemons, CLIs) contains {@code secret}. */
    private static void assertNoLogHolds(String secret, String what) {
        Path logs = E2ePaths.logRoot().resolve(RemoteShellTest.class.getSimpleName());
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret),
                        f + " holds " + what);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read the logs in " + logs, e);
        }
    }

    @Test
    void shell_off_refusal_is_shown_in_the_browser_as_the_device_words_it() {
        SignedInOwner l = linkedDevice("off");
        ProcessResult off = l.device().cli("shell", "off");
        assertEquals(0, off.exitCode(), off::toString);

        RemoteShellPage shell = RemoteShellPage.open(chromium.browser(), shared.cloud().url(), l.deviceId(), false);
        String refusal = shell.awaitClosed(Duration.ofSeconds(30));
        assertTrue(refusal.contains("rpi-connect shell on"), "the page should show the device's reason, shows: "
                + refusal);
        assertTrue(RemoteShellPage.shellPids(l.device()).isEmpty(), "no shell was started");

        assertEquals(0, l.device().cli("shell", "on").exitCode());
        RemoteShellPage again = RemoteShellPage.open(chromium.browser(), shared.cloud().url(), l.deviceId(), false);
        again.awaitConnected();
        again.disconnect();
    }

    @Test
    void shell_off_crosses_out_the_dashboard_badge_and_on_restores_it() {
        SignedInOwner l = linkedDevice("badge");
        DashboardPage dashboard = new DashboardPage(chromium.browser(), shared.cloud().url()).open();
        assertFalse(dashboard.badgeCrossedOut(l.deviceId(), "shell"));
        assertEquals(0, l.device().cli("shell", "off").exitCode());
        Waits.until(DOT, "the Remote shell badge to be crossed out", () ->
                dashboard.badgeCrossedOut(l.deviceId(), "shell"));
        assertEquals(0, l.device().cli("shell", "on").exitCode());
        Waits.until(DOT, "the Remote shell badge to be shown again", () ->
                !dashboard.badgeCrossedOut(l.deviceId(), "shell"));
    }

    @Test
    void typing_exit_ends_the_session_and_the_dot_counts_two_sessions_down_to_none() {
        SignedInOwner l = linkedDevice("exit");
        RemoteShellPage first = RemoteShellPage.open(chromium.browser(), shared.cloud().url(), l.deviceId(), false);
        first.awaitConnected();
        chromium.browser().driver().switchTo().newWindow(org.openqa.selenium.WindowType.WINDOW);
        RemoteShellPage second = RemoteShellPage.open(chromium.browser(), shared.cloud().url(), l.deviceId(), false);
        second.awaitConnected();
        String secondWindow = chromium.browser().driver().getWindowHandle();

        chromium.browser().driver().switchTo().window(chromium.mainWindow());
        chromium.browser().driver().switchTo().newWindow(org.openqa.selenium.WindowType.WINDOW);
        DashboardPage dashboard = new DashboardPage(chromium.browser(), shared.cloud().url()).open();
        dashboard.awaitSessionCount(l.deviceId(), 2, DOT);
        String dashboardWindow = chromium.browser().driver().getWindowHandle();

        chromium.browser().driver().switchTo().window(chromium.mainWindow());
        first.type("exit\n");
        String ended = first.awaitClosed(Duration.ofSeconds(15));
        assertFalse(ended.isBlank() || ended.startsWith("Connecting"), ended);
        chromium.browser().driver().switchTo().window(dashboardWindow);
        dashboard.awaitSessionCount(l.deviceId(), 1, DOT);

        // closing the window (no Disconnect) ends the other session on the device too
        chromium.browser().driver().switchTo().window(secondWindow).close();
        chromium.browser().driver().switchTo().window(dashboardWindow);
        dashboard.awaitSessionCount(l.deviceId(), 0, DOT);
        Waits.until(SHELL_GONE, "every shell to be gone", () -> RemoteShellPage.shellPids(l.device()).isEmpty());
    }

    @Test
    void ctrl_insert_copies_the_selection_and_the_right_click_menu_pastes() {
        SignedInOwner l = linkedDevice("clipboard");
        ((HasPermissions) chromium.browser().driver()).setPermission("clipboard-read", "granted");
        ((HasPermissions) chromium.browser().driver()).setPermission("clipboard-write", "granted");
        RemoteShellPage shell = RemoteShellPage.open(chromium.browser(), shared.cloud().url(), l.deviceId(), false);
        shell.awaitConnected();

        shell.type("clear; echo copy-me-$((3*3))\n");
        shell.awaitOutput(Pattern.compile("(?m)^copy-me-9$"));
        shell.selectFirstRow();
        shell.type(Keys.chord(Keys.CONTROL, Keys.INSERT));
        Object copied = Waits.until(Duration.ofSeconds(5), "the selection on the clipboard", () -> {
            Object text = chromium.browser().script("return navigator.clipboard.readText();");
            return text != null && text.toString().contains("copy-me-9") ? text : null;
        }, () -> String.valueOf(chromium.browser().script("return navigator.clipboard.readText();")));
        assertEquals("copy-me-9", copied.toString().strip());
        chromium.browser().script("return navigator.clipboard.writeText('');");
        shell.rightClickTerminal();
        chromium.browser().click(By.id("menu-copy"));
        Waits.until(Duration.ofSeconds(5), "the menu's Copy to put the selection on the clipboard", () ->
                "copy-me-9".equals(String.valueOf(chromium.browser().script("return navigator.clipboard.readText();")).strip()));

        chromium.browser().script("return navigator.clipboard.writeText(arguments[0]);", "echo pasted-$((2+3))");
        shell.rightClickTerminal();
        chromium.browser().click(By.id("menu-paste"));
        shell.type("\n");
        shell.awaitOutput(Pattern.compile("(?m)^pasted-5$"));
    }

    /** Pids of processes whose standard input is this terminal. */
    private static List<Long> processesOn(String tty) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    if (Files.readSymbolicLink(p.resolve("fd/0")).toString().equals(tty)) {
                        pids.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | SecurityException e) {
                    // gone, or no stdin
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc", e);
        }
        return pids;
    }
}
