package org.openrpiconnect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WindowType;
import org.openrpiconnect.e2e.harness.BrowserPerClass;
import org.openrpiconnect.e2e.harness.CloudPerClass;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.Fixtures.SignedInOwner;
import org.openrpiconnect.e2e.harness.RemoteShellPage;
import org.openrpiconnect.e2e.harness.SignallingClient;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One session's fault never reaches another session or the daemon (issue 3): a malformed offer, a flood of ICE
 * candidates and an oversized data channel message each end only their own session, with a reason the browser
 * shows, while a shell open beside them keeps working.
 */
class RemoteShellFaultsTest {
    /** A data-channel offer the device accepts (its DTLS fingerprint is made up: it never connects). */
    private static final String ACCEPTABLE_OFFER = String.join("\r\n", "v=0", "o=- 4242424242 2 IN IP4 127.0.0.1",
            "s=-", "t=0 0", "a=group:BUNDLE 0", "a=msid-semantic: WMS",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0", "a=ice-ufrag:Fa1t",
            "a=ice-pwd:faultfaultfaultfaultfault", "a=ice-options:trickle", "a=fingerprint:sha-256 "
                    + "AB:".repeat(31) + "AB", "a=setup:actpass", "a=mid:0", "a=sctp-port:5000",
            "a=max-message-size:262144", "");
    private static final Duration REFUSAL = Duration.ofSeconds(20);

    @RegisterExtension
    static final CloudPerClass shared = new CloudPerClass();
    @RegisterExtension
    static final BrowserPerClass chromium = new BrowserPerClass();

    private static SignedInOwner linkedDevice(String name) {
        return Fixtures.linkAndSignIn(shared.cloud(), shared.devices(), chromium.browser(), name,
                Fixtures.uniqueName(name));
    }

    /** A shell open in the current window, proven to echo. */
    private RemoteShellPage workingShell(SignedInOwner l) {
        RemoteShellPage shell = RemoteShellPage.open(chromium.browser(), shared.cloud().url(), l.deviceId(), false);
        shell.awaitConnected();
        assertStillEchoes(shell, "first");
        return shell;
    }

    private static void assertStillEchoes(RemoteShellPage shell, String word) {
        shell.type("echo alive-" + word + "-$((6*7))\n");
        shell.awaitOutput(Pattern.compile("(?m)^alive-" + word + "-42$"));
    }

    @Test
    void malformed_offer_is_refused_with_a_reason_and_the_open_shell_keeps_working() throws Exception {
        SignedInOwner l = linkedDevice("malformed");
        RemoteShellPage shell = workingShell(l);
        try (SignallingClient bad = SignallingClient.open(chromium.browser(), shared.cloud().url(), l.deviceId())) {
            bad.next("session.ready", REFUSAL);
            bad.send(Map.of("type", "session.offer", "sdp", "v=0\r\nthis is not a session description\r\n"));
            JsonNode closed = bad.next("session.closed", REFUSAL);
            assertEquals("malformed_offer", closed.path("code").asText(), closed.toString());
            assertFalse(closed.path("reason").asText().isBlank());
        }
        assertStillEchoes(shell, "after-malformed");
        assertTrue(l.device().daemon().isAlive());
    }

    @Test
    void candidate_flood_ends_only_that_session() throws Exception {
        SignedInOwner l = linkedDevice("flood");
        RemoteShellPage shell = workingShell(l);
        try (SignallingClient flood = SignallingClient.open(chromium.browser(), shared.cloud().url(), l.deviceId())) {
            flood.next("session.ready", REFUSAL);
            flood.send(Map.of("type", "session.offer", "sdp", ACCEPTABLE_OFFER));
            flood.next("session.answer", REFUSAL);
            for (int i = 0; i < 100; i++) {
                flood.send(Map.of("type", "session.ice", "candidate", "candidate:" + i + " 1 udp 2122260223"
                        + " 192.0.2.2 " + (20000 + i) + " typ host generation 0", "sdp_mid", "0",
                        "sdp_mline_index", 0));
            }
            JsonNode closed = flood.next("session.closed", REFUSAL);
            assertEquals("bad_candidate", closed.path("code").asText(), closed.toString());
        }
        assertStillEchoes(shell, "after-flood");
    }

    @Test
    void oversized_data_channel_message_ends_only_that_session() {
        SignedInOwner l = linkedDevice("oversized");
        RemoteShellPage faulty = workingShell(l);
        chromium.browser().driver().switchTo().newWindow(WindowType.WINDOW);
        String otherWindow = chromium.browser().driver().getWindowHandle();
        RemoteShellPage other = workingShell(l);

        chromium.browser().driver().switchTo().window(chromium.mainWindow());
        chromium.browser().script("window.connectShell.channel().send(new Uint8Array(70 * 1024));");
        String reason = faulty.awaitClosed(REFUSAL);
        assertFalse(reason.isBlank() || reason.equals("Connected"), reason);

        chromium.browser().driver().switchTo().window(otherWindow);
        assertStillEchoes(other, "beside-oversized");
    }
}
