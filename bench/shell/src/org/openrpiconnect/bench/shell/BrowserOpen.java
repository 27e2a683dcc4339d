package org.openrpiconnect.bench.shell;

import org.openqa.selenium.chromium.ChromiumDriver;
import org.openrpiconnect.e2e.harness.Browser;
import org.openrpiconnect.e2e.harness.CloudPages;
import org.openrpiconnect.e2e.harness.CloudProcess;
import org.openrpiconnect.e2e.harness.Coturn;
import org.openrpiconnect.e2e.harness.DeviceUser;
import org.openrpiconnect.e2e.harness.Devices;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.StatusOutput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Open time of the real shell page in headless Chromium (Debian's, through chromedriver), against the real cloud
 * ({@code bin/rpi-connect-cloud} with coturn's time-limited credentials) and the real daemon as the ordinary user:
 * the end-to-end tests' harness, reused. Direct (host candidates) and relayed ({@code ?relay=1}, relay-only ICE).
 *
 * <p>Measured inside the page, on its own clock ({@code performance.now()}, 0 = the navigation to the shell page
 * starts, i.e. what a click on "Connect via → Remote shell" begins): {@link #PROBE}, added to every new document
 * through DevTools, wraps the browser's {@code WebSocket.send} and {@code RTCPeerConnection.createDataChannel} to
 * note when the page sends its offer and when the first output ending in a prompt ({@code "$ "} or {@code "# "})
 * arrives, then checks on each animation frame until xterm.js's buffer ends with that prompt ("shown"). The page's
 * own code is not changed; the probe's listener runs before the page's, so it only observes.
 */
final class BrowserOpen {
    private static final int OPENS = Integer.getInteger("bench.browserOpens", 20);
    private static final int RELAYED_OPENS = Integer.getInteger("bench.browserRelayedOpens", 10);
    private static final Duration WAIT = Duration.ofSeconds(30);

    static final String PROBE = """
            (() => {
              const probe = window.__connectBench = { offerSent: 0, promptReceived: 0, promptShown: 0 };
              const send = WebSocket.prototype.send;
              WebSocket.prototype.send = function (data) {
                if (!probe.offerSent && typeof data === 'string' && data.includes('"session.offer"')) {
                  probe.offerSent = performance.now();
                }
                return send.call(this, data);
              };
              const shown = () => {
                const text = window.connectShell ? window.connectShell.terminalText().trimEnd() : '';
                if (/[$#]$/.test(text)) probe.promptShown = performance.now();
                else requestAnimationFrame(shown);
              };
              const createDataChannel = RTCPeerConnection.prototype.createDataChannel;
              RTCPeerConnection.prototype.createDataChannel = function (...args) {
                const channel = createDataChannel.apply(this, args);
                channel.addEventListener('message', (event) => {
                  if (probe.promptReceived || typeof event.data === 'string') return;
                  const b = new Uint8Array(event.data);
                  const n = b.length;
                  if (n >= 2 && b[n - 1] === 0x20 && (b[n - 2] === 0x24 || b[n - 2] === 0x23)) {
                    probe.promptReceived = performance.now();
                    requestAnimationFrame(shown);
                  }
                });
                return channel;
              };
            })();
            """;

    /** One open, in ms on the page's clock: page loaded (DOMContentLoaded), offer sent, prompt received, shown. */
    private record Open(double loaded, double offer, double received, double shown) {}

    private BrowserOpen() {}

    static void run(Path repo, Path work, Report report) throws Exception {
        System.setProperty("repo.root", repo.toString()); // where the e2e harness finds bin/
        Path logs = Files.createDirectories(work.resolve("browser"));
        String email = Fixtures.uniqueEmail("bench");
        String password = Fixtures.password();
        try (Coturn turn = Coturn.start(logs);
             CloudProcess cloud = CloudProcess.start(logs, turn.serveOptions());
             Devices devices = new Devices(cloud, logs);
             Browser browser = Browser.start()) {
            DeviceUser device = devices.create("bench");
            String deviceId = Fixtures.linkWithAuthKey(cloud, device, Fixtures.uniqueName("bench-pi"), email,
                    password).id();
            new CloudPages(browser, cloud.url()).signIn(email, password);
            ((ChromiumDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", PROBE));
            String page = cloud.url() + "/devices/" + deviceId + "/shell";

            Open cold = open(browser, device, page);
            report.line("shell.open.browser.direct.cold", cold.shown(), "ms");
            series("direct", OPENS, browser, device, page, report);
            series("relayed", RELAYED_OPENS, browser, device, page + "?relay=1", report);
        }
    }

    private static void series(String path, int count, Browser browser, DeviceUser device, String page,
                               Report report) throws Exception {
        Stats fromPage = new Stats();
        Stats fromOffer = new Stats();
        Stats loaded = new Stats();
        Stats offered = new Stats();
        Stats rendering = new Stats();
        for (int i = 0; i < count; i++) {
            Open o = open(browser, device, page);
            fromPage.add(o.shown());
            fromOffer.add(o.shown() - o.offer());
            loaded.add(o.loaded());
            offered.add(o.offer());
            rendering.add(o.shown() - o.received());
        }
        report.line("shell.open.browser." + path + ".p50", fromPage.percentile(50), "ms");
        report.line("shell.open.browser." + path + ".p99", fromPage.percentile(99), "ms");
        report.line("shell.open.browser." + path + ".offer.p50", fromOffer.percentile(50), "ms");
        Report.note(String.format(Locale.ROOT, "browser %s, p50 from the page's start: loaded %.1f ms, offer sent "
                + "%.1f ms, prompt shown %.1f ms (%.1f ms after it arrived); load %s", path, loaded.percentile(50),
                offered.percentile(50), fromPage.percentile(50), rendering.percentile(50), Load.average()));
    }

    /** Opens the shell page, waits for the prompt on screen, then leaves and waits until the device has no session. */
    private static Open open(Browser browser, DeviceUser device, String page) throws Exception {
        browser.open(page);
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<?, ?> probe;
        while (true) {
            probe = (Map<?, ?>) browser.script("return Object.assign({loaded: performance.getEntriesByType("
                    + "'navigation')[0].domContentLoadedEventEnd}, window.__connectBench);");
            if (probe.get("promptShown") instanceof Number n && n.doubleValue() > 0) break;
            if ("closed".equals(browser.script("return document.body.dataset.state;"))) {
                throw new IllegalStateException("the shell page ended: " + browser.pageText());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no prompt on the shell page within " + WAIT + ": "
                        + browser.pageText());
            }
            Thread.sleep(20);
        }
        Open o = new Open(ms(probe, "loaded"), ms(probe, "offerSent"), ms(probe, "promptReceived"),
                ms(probe, "promptShown"));
        browser.open("about:blank"); // leaving the page ends the session (pagehide), as closing the tab does
        device.awaitStatus("the session ended", WAIT, StatusOutput::healthy);
        return o;
    }

    private static double ms(Map<?, ?> probe, String key) {
        return ((Number) probe.get(key)).doubleValue();
    }
}
