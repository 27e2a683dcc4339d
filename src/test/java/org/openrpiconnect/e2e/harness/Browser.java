package org.openrpiconnect.e2e.harness;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both given explicitly so that Selenium Manager
 * never looks for (or downloads) anything. A fresh profile folder per browser.
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Held so the setting sticks: Selenium warns on every start that it has no CDP bindings for this Chromium. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new AssertionError(CHROMIUM + " and " + CHROMEDRIVER + " are needed: run scripts/setup-test-env");
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        Path profile = TempDirs.create("chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // WebRTC host candidates as plain addresses, not mDNS .local names the device cannot resolve
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (RuntimeException e) {
            TempDirs.deleteRecursively(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Waits until the element is visible. */
    public WebElement await(By locator) {
        try {
            return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (RuntimeException e) {
            throw new AssertionError("no visible " + locator + " on " + driver.getCurrentUrl() + " within "
                    + WAIT.toSeconds() + " s; page text:\n" + pageText(), e);
        }
    }

    public boolean isPresent(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    public void type(By locator, String text) {
        WebElement e = await(locator);
        e.clear();
        e.sendKeys(text);
    }

    public void click(By locator) {
        await(locator).click();
    }

    /** Runs JavaScript in the page ({@code return ...;} to get a value back). */
    public Object script(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
    }

    public String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no page text: " + e.getMessage() + ")";
        }
    }

    /** Forgets every cookie of the current site: the next sign-in starts from nothing. */
    public void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TempDirs.deleteRecursively(profile);
        }
    }

    /** Closes every window but {@code keep} (shell pages opened by a test) and returns to it. */
    public void closeOtherWindows(String keep) {
        for (String w : driver().getWindowHandles()) {
            if (!w.equals(keep)) driver().switchTo().window(w).close();
        }
        driver().switchTo().window(keep);
    }
}
