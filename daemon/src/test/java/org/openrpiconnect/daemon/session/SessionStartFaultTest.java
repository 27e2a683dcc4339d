package org.openrpiconnect.daemon.session;

import dev.onvoid.webrtc.PeerConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.Problems;
import org.openrpiconnect.daemon.config.SessionConfig;
import org.openrpiconnect.daemon.service.Services;
import org.openrpiconnect.daemon.state.AtomicFileWriter;
import org.openrpiconnect.daemon.state.StateStore;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

/** A fault nobody planned for while a session starts ends that session with a reason, and the next one is served. */
@Timeout(30)
class SessionStartFaultTest {
    @TempDir
    Path tmp;

    @Test
    void a_native_library_that_fails_to_load_ends_the_session_with_internal_and_the_manager_keeps_serving()
            throws Exception {
        Services services = new Services(new StateStore(Files.createDirectories(tmp.resolve("state")),
                new AtomicFileWriter(), Clock.systemUTC()), new Problems());
        services.load();
        List<SessionSignal> sent = new CopyOnWriteArrayList<>();
        Map<String, String> env = Map.of("HOME", Files.createDirectories(tmp.resolve("home")).toString(),
                "PATH", "/usr/bin:/bin");
        SessionManager manager = new SessionManager(services, SessionConfig.DEFAULT, env, sent::add,
                new DesktopNotifier(env), Duration.ofSeconds(5), scheduler -> new WebRtcFactory(scheduler) {
                    @Override
                    public synchronized PeerConnectionFactory acquire() {
                        throw new NoClassDefFoundError("dev/onvoid/webrtc/PeerConnectionFactory");
                    }
                });
        try {
            manager.onSignal(SessionSignal.offer("broken", SessionSignal.KIND_SHELL, "v=0\r\n", List.of(),
                    SessionSignal.POLICY_ALL));
            eventually(Duration.ofSeconds(10), "the session is refused", () -> closedFor(sent, "broken") != null);
            SessionSignal closed = closedFor(sent, "broken");
            assertEquals(SessionEndCode.INTERNAL.wire(), closed.code());
            assertTrue(closed.reason().contains("internal error"), closed.reason());
            assertEquals(0, manager.active());

            // still serving: the next offer gets its own answer (here: the shell is off)
            services.set(org.openrpiconnect.protocol.local.ServiceParams.SHELL, false);
            manager.onSignal(SessionSignal.offer("next", SessionSignal.KIND_SHELL, "v=0\r\n", List.of(),
                    SessionSignal.POLICY_ALL));
            eventually(Duration.ofSeconds(10), "the next offer is answered", () -> closedFor(sent, "next") != null);
            assertEquals(SessionEndCode.SHELL_DISALLOWED.wire(), closedFor(sent, "next").code());
        } finally {
            manager.shutdown();
        }
    }

    private static SessionSignal closedFor(List<SessionSignal> sent, String id) {
        return sent.stream().filter(s -> s.type().equals(SessionSignal.CLOSED) && id.equals(s.sessionId()))
                .findFirst().orElse(null);
    }
}
