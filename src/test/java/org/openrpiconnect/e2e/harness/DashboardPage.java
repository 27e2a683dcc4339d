package org.openrpiconnect.e2e.harness;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.Set;

/**
 * The dashboard ({@code /}) as a user sees one device's row: its access badges, the green dot of active remote
 * shell sessions (its text and hover title), and the "Connect via" menu.
 */
public final class DashboardPage {
    private final Browser browser;
    private final String cloudUrl;

    public DashboardPage(Browser browser, String cloudUrl) {
        this.browser = browser;
        this.cloudUrl = cloudUrl;
    }

    public DashboardPage open() {
        browser.open(cloudUrl + "/");
        browser.await(By.id("devices"));
        return this;
    }

    private WebElement row(String deviceId) {
        return browser.await(By.cssSelector("tr.device[data-device-id='" + deviceId + "']"));
    }

    /** The dot's hover title, e.g. "1 remote shell session active", or null while it is hidden (none active). */
    public String sessionDotTitle(String deviceId) {
        WebElement dot = row(deviceId).findElement(By.cssSelector(".session-dot"));
        return dot.isDisplayed() ? dot.getAttribute("title") : null;
    }

    /** Waits (the page polls) until the dot shows {@code count} sessions: hidden for 0. */
    public void awaitSessionCount(String deviceId, int count, Duration timeout) {
        String expected = count == 0 ? null : count + " remote shell session" + (count == 1 ? "" : "s") + " active";
        Waits.until(timeout, "the dashboard's green dot to say " + expected, () -> {
            String title = sessionDotTitle(deviceId);
            if (expected == null) return title == null ? Boolean.TRUE : null;
            WebElement dot = row(deviceId).findElement(By.cssSelector(".session-dot"));
            return expected.equals(title) && dot.getText().trim().equals(Integer.toString(count)) ? Boolean.TRUE
                    : null;
        }, () -> String.valueOf(sessionDotTitle(deviceId)));
    }

    /** True when the badge ("shell" or "vnc") is crossed out. */
    public boolean badgeCrossedOut(String deviceId, String which) {
        WebElement badge = row(deviceId).findElement(By.cssSelector(".badge-" + which));
        return badge.getAttribute("class").contains("disallowed")
                && badge.getCssValue("text-decoration-line").contains("line-through");
    }

    /**
     * Connect via, then Remote shell: the shell opens in a new window, which the browser switches to. Returns the
     * handle of the dashboard's window, to come back to.
     */
    public String connectViaRemoteShell(String deviceId) {
        String dashboard = browser.driver().getWindowHandle();
        Set<String> before = browser.driver().getWindowHandles();
        row(deviceId).findElement(By.cssSelector(".connect-via summary")).click();
        WebElement link = row(deviceId).findElement(By.cssSelector(".connect-via .connect-shell"));
        if (!link.getText().contains("Remote shell")) {
            throw new AssertionError("the Connect via menu should offer 'Remote shell', offers '" + link.getText()
                    + "'");
        }
        link.click();
        String opened = Waits.until(Duration.ofSeconds(10), "the remote shell window to open", () ->
                browser.driver().getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst()
                        .orElse(null), () -> browser.driver().getWindowHandles().toString());
        browser.driver().switchTo().window(opened);
        return dashboard;
    }
}
