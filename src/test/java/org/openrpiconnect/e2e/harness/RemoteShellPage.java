package org.openrpiconnect.e2e.harness;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cloud's remote shell page ({@code /devices/ID/shell}) as a user drives it, by the element ids the page
 * promises (#session-status, #padlock, #disconnect), and its terminal read through the page's
 * {@code window.connectShell} (the xterm.js buffer).
 */
public final class RemoteShellPage {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(20);

    private final Browser browser;

    public RemoteShellPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the shell page of the device; {@code relayOnly} adds {@code ?relay=1}. */
    public static RemoteShellPage open(Browser browser, String cloudUrl, String deviceId, boolean relayOnly) {
        browser.open(cloudUrl + "/devices/" + deviceId + "/shell" + (relayOnly ? "?relay=1" : ""));
        return new RemoteShellPage(browser);
    }

    /** The page's state: starting, connecting, connected or closed. */
    public String state() {
        Object s = browser.script("return document.body.dataset.state;");
        return s == null ? "" : s.toString();
    }

    public String status() {
        return browser.await(By.id("session-status")).getText();
    }

    public String padlockText() {
        return browser.await(By.id("padlock")).getText();
    }

    public String padlockTitle() {
        return browser.await(By.id("padlock")).getAttribute("title");
    }

    /** Waits until the data channel is open; fails at once, with the page's reason, when the session ended. */
    public void awaitConnected() {
        Waits.until(CONNECT_TIMEOUT, "the shell page to connect", () -> {
            String state = state();
            if (state.equals("closed")) throw new AssertionError("the session ended: " + status());
            return state.equals("connected") ? Boolean.TRUE : null;
        }, () -> "state " + state() + ", status: " + status());
    }

    /** Waits until the session ended; returns the status text the page shows. */
    public String awaitClosed(Duration timeout) {
        Waits.until(timeout, "the shell page to show the session ended", () -> state().equals("closed")
                ? Boolean.TRUE : null, () -> "state " + state() + ", status: " + status());
        return status();
    }

    /** Waits until the padlock names the path (direct or relayed): it is filled from getStats after connecting. */
    public String awaitPadlock() {
        return Waits.until(Duration.ofSeconds(10), "the padlock to say direct or relayed", () -> {
            String t = padlockText();
            return t.contains("direct") || t.contains("relayed") ? t : null;
        }, this::padlockText);
    }

    /** Types into the terminal (keystrokes, as a user would; "\n" is Enter). */
    public void type(String text) {
        browser.driver().findElement(By.cssSelector("#terminal .xterm-helper-textarea")).sendKeys(text);
    }

    /** Everything the terminal shows, scrollback included, one line per row (trailing spaces trimmed). */
    public String terminalText() {
        Object text = browser.script("return window.connectShell.terminalText();");
        return text == null ? "" : text.toString();
    }

    /** Waits until the terminal shows a match of {@code pattern}; returns the last match. */
    public MatchResult awaitOutput(Pattern pattern) {
        return Waits.until(OUTPUT_TIMEOUT, "the terminal to show /" + pattern + "/", () -> {
            Matcher m = pattern.matcher(terminalText());
            MatchResult last = null;
            while (m.find()) last = m.toMatchResult();
            return last;
        }, this::terminalText);
    }

    /** The terminal's size in characters, as xterm.js fitted it: {cols, rows}. */
    public int[] terminalSize() {
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) browser.script("return window.connectShell.size();");
        return new int[] {((Number) size.get("cols")).intValue(), ((Number) size.get("rows")).intValue()};
    }

    /** Resizes the browser window (the terminal follows it). */
    public void resizeWindow(int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
    }

    /** Selects the terminal's first row with the mouse (press at its left end, drag to its right end). */
    public void selectFirstRow() {
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) browser.script("const r = document.querySelector("
                + "'#terminal .xterm-screen').getBoundingClientRect(); const rows = window.connectShell.size().rows;"
                + " return {x: r.left, y: r.top, w: r.width, h: r.height / rows};");
        int x = ((Number) box.get("x")).intValue() + 1;
        int y = (int) (((Number) box.get("y")).doubleValue() + ((Number) box.get("h")).doubleValue() / 2);
        int right = x + ((Number) box.get("w")).intValue() - 3;
        new org.openqa.selenium.interactions.Actions(browser.driver()).moveToLocation(x, y).clickAndHold()
                .moveToLocation(right, y).release().perform();
    }

    /** Opens the terminal's right-click menu (#context-menu: Copy, Paste). */
    public void rightClickTerminal() {
        new org.openqa.selenium.interactions.Actions(browser.driver())
                .contextClick(browser.driver().findElement(By.id("terminal"))).perform();
        browser.await(By.id("context-menu"));
    }

    public void disconnect() {
        browser.click(By.id("disconnect"));
    }

    /** The device's remote shells: its processes (HOME of that device) that carry CONNECT_TTY=1. */
    public static List<Long> shellPids(DeviceUser device) {
        List<Long> connect = ProcessScan.pidsWithEnvironment("CONNECT_TTY=1");
        return ProcessScan.pidsWithEnvironment("HOME=" + device.home()).stream().filter(connect::contains).toList();
    }
}
