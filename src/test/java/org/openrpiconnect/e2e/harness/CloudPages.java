package org.openrpiconnect.e2e.harness;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;

/** The cloud's web pages as a user drives them, by the element ids the pages promise. */
public final class CloudPages {
    private static final Duration NAVIGATION = Duration.ofSeconds(20);

    private final Browser browser;
    private final String cloudUrl;

    public CloudPages(Browser browser, String cloudUrl) {
        this.browser = browser;
        this.cloudUrl = cloudUrl;
    }

    /** /signup: creates the account and leaves the browser signed in as it. */
    public void signUp(String email, String password) {
        browser.open(cloudUrl);
        browser.forgetSession();
        browser.open(cloudUrl + "/signup");
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), password);
        browser.click(By.id("signup"));
        awaitLeaving("/signup");
    }

    /** /signin as an existing user (after forgetting any earlier session). */
    public void signIn(String email, String password) {
        browser.open(cloudUrl);
        browser.forgetSession();
        browser.open(cloudUrl + "/signin");
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), password);
        browser.click(By.id("signin"));
        awaitLeaving("/signin");
    }

    /**
     * Opens a verification URL (signed in already), names the device, picks the owner when the page offers a
     * choice ({@code personal} or {@code org:<id>}; null keeps the default), and presses "Create device and sign
     * in". Returns the text of the success marker (#linked).
     */
    public String linkDevice(String verificationUrl, String deviceName, String owner) {
        browser.open(verificationUrl);
        browser.type(By.id("device-name"), deviceName);
        if (owner != null) new Select(browser.await(By.id("owner"))).selectByValue(owner);
        String button = browser.await(By.id("create-device")).getText();
        if (!button.contains("Create device and sign in")) {
            throw new AssertionError("#create-device should read 'Create device and sign in', reads '" + button + "'");
        }
        browser.click(By.id("create-device"));
        return browser.await(By.id("linked")).getText();
    }

    /** /outbox: the notification mails of the signed-in user, as page text. */
    public String outbox() {
        browser.open(cloudUrl + "/outbox");
        return browser.pageText();
    }

    /** /settings: creates an auth key; returns the secret the page shows once. */
    public String createAuthKey(String description, int ttlDays) {
        browser.open(cloudUrl + "/settings");
        browser.type(By.id("auth-key-description"), description);
        browser.type(By.id("auth-key-ttl"), Integer.toString(ttlDays));
        browser.click(By.id("create-auth-key"));
        return browser.await(By.id("auth-key-secret")).getText().trim();
    }

    private void awaitLeaving(String path) {
        try {
            Waits.until(NAVIGATION, "the browser to leave " + path, () -> !browser.currentUrl().contains(path));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\npage text:\n" + browser.pageText(), e);
        }
    }
}
