package org.openrpiconnect.daemon.session;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.Problems;
import org.openrpiconnect.daemon.config.SessionConfig;
import org.openrpiconnect.daemon.service.Service;
import org.openrpiconnect.daemon.service.Services;
import org.openrpiconnect.daemon.state.AtomicFileWriter;
import org.openrpiconnect.daemon.state.StateStore;
import org.openrpiconnect.daemon.testing.BrowserPeer;
import org.openrpiconnect.daemon.testing.ShellChildren;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

/** A session whose browser never connects ends by itself and leaves no shell behind. */
@Timeout(60)
class SessionTimeoutTest {
    @TempDir
    Path tmp;

    @Test
    void a_session_not_connected_in_time_ends_with_timeout_and_its_shell_is_gone() throws Exception {
        Services services = new Services(new StateStore(Files.createDirectories(tmp.resolve("state")),
                new AtomicFileWriter(), Clock.systemUTC()), new Problems());
        services.load();
        List<SessionSignal> sent = new CopyOnWriteArrayList<>();
        Map<String, String> env = Map.of("HOME", Files.createDirectories(tmp.resolve("home")).toString(),
                "PATH", "/usr/bin:/bin");
        SessionManager manager = new SessionManager(services, SessionConfig.DEFAULT, env, sent::add,
                new DesktopNotifier(env), Duration.ofSeconds(1));
        RTCPeerConnection browser = BrowserPeer.factory().createPeerConnection(new RTCConfiguration(),
                new PeerConnectionObserver() {
                    @Override
                    public void onIceCandidate(RTCIceCandidate candidate) {} // never passed on: no connection
                });
        ShellChildren shells = ShellChildren.snapshot();
        try {
            browser.createDataChannel("shell", new RTCDataChannelInit());
            // the offer is never applied locally and no candidate travels: the device waits in vain
            manager.onSignal(SessionSignal.offer("lonely", SessionSignal.KIND_SHELL, offerSdp(browser), List.of(),
                    SessionSignal.POLICY_ALL));

            eventually(Duration.ofSeconds(10), "session ended", () -> sent.stream()
                    .anyMatch(s -> s.type().equals(SessionSignal.CLOSED)));
            SessionSignal closed = sent.stream().filter(s -> s.type().equals(SessionSignal.CLOSED)).findFirst()
                    .orElseThrow();
            assertEquals(SessionEndCode.TIMEOUT.wire(), closed.code());
            assertTrue(closed.reason().startsWith("The connection to the device could not be made within 1 s."),
                    closed.reason());
            assertTrue(sent.stream().anyMatch(s -> s.type().equals(SessionSignal.ANSWER)), "answered first");
            assertEquals(0, services.sessions().active(Service.SHELL));
            eventually(Duration.ofSeconds(5), "no shell left", () -> shells.startedSinceAndAlive() == 0);
        } finally {
            browser.close();
            manager.shutdown();
        }
    }

    private static String offerSdp(RTCPeerConnection pc) throws Exception {
        return Descriptions.offer(pc).get(10, TimeUnit.SECONDS).sdp;
    }
}
