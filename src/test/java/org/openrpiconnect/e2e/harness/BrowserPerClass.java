package org.openrpiconnect.e2e.harness;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium shared by a test class; after each test the windows the test opened are closed, so the
 * next starts in the main window. Use: {@code @RegisterExtension static final BrowserPerClass chromium = new
 * BrowserPerClass();}, then {@code chromium.browser()}.
 */
public final class BrowserPerClass implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private Browser browser;
    private String mainWindow;

    public Browser browser() {
        return browser;
    }

    /** The window each test starts in. */
    public String mainWindow() {
        return mainWindow;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = Browser.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) browser.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        mainWindow = browser.driver().getWindowHandle();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (mainWindow != null) browser.closeOtherWindows(mainWindow);
    }
}
