package org.openrpiconnect.cloud;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.CloudJson;
import org.openrpiconnect.cloud.session.IceSettings;
import org.openrpiconnect.cloud.session.SessionRelay;
import org.openrpiconnect.cloud.web.session.SessionSocket;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceStatus;
import org.openrpiconnect.protocol.session.IceServer;
import org.openrpiconnect.protocol.session.IceServerList;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signalling over real sockets: a signed-in browser's session socket, a device's event socket, the cloud relaying
 * between them; who may open a session; the dashboard's view of a device's access.
 */
class RemoteSessionSignallingTest {
    private static final String ICE_PASSWORD = "Zq9xVbT3kLmN8pWr2sYd4FgH";
    private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-ufrag:Ab12\r\n"
            + "a=ice-pwd:" + ICE_PASSWORD + "\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n";
    private static final String CANDIDATE = "candidate:842163049 1 udp 1677729535 198.51.100.7 61234 typ srflx"
            + " raddr 0.0.0.0 rport 0 generation 0";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    static TestCloud cloud;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start(new IceSettings("stun:127.0.0.1:3478", List.of("turn:127.0.0.1:3478?transport=udp"),
                "test-secret", Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    /** A text-frame WebSocket client: frames received in a queue, how it closed. */
    static final class Frames implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        void send(Object frame) {
            socket.sendText(frame instanceof String s ? s : Json.write(frame), true).join();
        }

        /** The next frame whose type is {@code type}, skipping others (hello, ...). */
        JsonNode next(String type) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                String text = received.poll(100, TimeUnit.MILLISECONDS);
                if (text == null) continue;
                JsonNode node = CloudJson.tree(text);
                if (type.equals(node.path("type").asText())) return node;
            }
            throw new AssertionError("no " + type + " frame within 5 s");
        }
    }

    record Linked(String email, FakeDevice device, Frames events, Browser browser) {}

    /** A user signed in in a browser, and their device linked with its event socket open. */
    private Linked linked() throws Exception {
        int n = COUNTER.incrementAndGet();
        String email = cloud.user("shell-" + n + "@example.org");
        FakeDevice device = new FakeDevice(cloud, "sess-" + n, "shellpi-" + n);
        assertEquals(201, device.signInWithAuthKey(cloud.personalKey(email)).statusCode());
        Frames events = new Frames();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        device.eventSocketHeaders().forEach(b::header);
        events.socket = b.buildAsync(URI.create(cloud.url.replace("http://", "ws://") + DeviceApi.EVENTS), events)
                .get(10, TimeUnit.SECONDS);
        events.next("hello");
        Browser browser = new Browser(cloud).signUp(email);
        browser.get("/");
        return new Linked(email, device, events, browser);
    }

    private static Frames openSession(Browser browser, String deviceId, String extraQuery) throws Exception {
        Frames frames = new Frames();
        frames.socket = browser.webSocket(SessionSocket.PATH + "?device=" + deviceId + "&csrf=" + browser.csrf()
                + extraQuery, frames, Map.of("Origin", cloud.url));
        return frames;
    }

    private static int refusedStatus(Browser browser, String query, Map<String, String> headers) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> browser.webSocket(SessionSocket.PATH
                + query, new Frames(), headers));
        assertTrue(e.getCause() instanceof WebSocketHandshakeException, e::toString);
        return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
    }

    @Test
    void signed_in_user_relays_offer_candidates_and_answer_through_the_device_event_socket() throws Exception {
        Linked l = linked();
        Frames browser = openSession(l.browser(), l.device().deviceId, "");
        JsonNode ready = browser.next(SessionRelay.READY);
        String sessionId = ready.path("session_id").asText();
        assertEquals("all", ready.path("ice_transport_policy").asText());
        assertTrue(ready.path("ice_servers").get(1).path("username").asText().endsWith(":"
                + cloud.cloud.accounts.findByEmail(l.email()).orElseThrow().id()), ready.toString());

        browser.send(Map.of("type", "session.offer", "sdp", SDP));
        SessionSignal offer = Json.read(l.events().next(SessionSignal.OFFER).toString(), SessionSignal.class);
        assertEquals(sessionId, offer.sessionId());
        assertEquals(SDP, offer.sdp());
        assertEquals(SessionSignal.KIND_SHELL, offer.kind());
        assertTrue(offer.iceServers().get(1).username().endsWith(":" + l.device().deviceId));

        browser.send(Map.of("type", "session.ice", "candidate", CANDIDATE, "sdp_mid", "0", "sdp_mline_index", 0));
        JsonNode ice = l.events().next(SessionSignal.ICE);
        assertEquals(CANDIDATE, ice.path("candidate").asText());
        assertEquals("0", ice.path("sdp_mid").asText());

        l.events().send(SessionSignal.answer(sessionId, SDP));
        assertEquals(SDP, browser.next(SessionSignal.ANSWER).path("sdp").asText());
        l.events().send(SessionSignal.ice(sessionId, CANDIDATE, "0", 0));
        assertEquals(CANDIDATE, browser.next(SessionSignal.ICE).path("candidate").asText());
        assertEquals(1, access(l.browser(), l.device().deviceId).path("shell_sessions").asInt());
        assertEquals("1 remote shell session active", access(l.browser(), l.device().deviceId)
                .path("shell_sessions_title").asText());

        l.events().send(SessionSignal.closed(sessionId, SessionEndCode.SHELL_EXITED, "The shell exited."));
        JsonNode closed = browser.next(SessionSignal.CLOSED);
        assertEquals("shell_exited", closed.path("code").asText());
        assertEquals("The shell exited.", closed.path("reason").asText());
        assertEquals(1000, browser.closed.get(5, TimeUnit.SECONDS));
        assertEquals(0, access(l.browser(), l.device().deviceId).path("shell_sessions").asInt());
    }

    @Test
    void closing_the_browser_socket_sends_session_close_to_the_device() throws Exception {
        Linked l = linked();
        Frames browser = openSession(l.browser(), l.device().deviceId, "");
        String sessionId = browser.next(SessionRelay.READY).path("session_id").asText();
        browser.send(Map.of("type", "session.offer", "sdp", SDP));
        l.events().next(SessionSignal.OFFER);
        browser.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        assertEquals(sessionId, l.events().next(SessionSignal.CLOSE).path("session_id").asText());
    }

    @Test
    void relay_query_makes_both_peers_relay_only() throws Exception {
        Linked l = linked();
        Frames browser = openSession(l.browser(), l.device().deviceId, "&relay=1");
        assertEquals("relay", browser.next(SessionRelay.READY).path("ice_transport_policy").asText());
        browser.send(Map.of("type", "session.offer", "sdp", SDP));
        assertEquals("relay", l.events().next(SessionSignal.OFFER).path("ice_transport_policy").asText());
    }

    @Test
    void device_credential_cannot_open_a_session_socket() throws Exception {
        Linked l = linked();
        Map<String, String> headers = new java.util.LinkedHashMap<>(l.device().eventSocketHeaders());
        headers.put("Origin", cloud.url);
        assertEquals(403, rawUpgrade(SessionSocket.PATH + "?device=" + l.device().deviceId, headers));
    }

    @Test
    void session_socket_without_a_signed_in_user_is_refused_with_401() throws Exception {
        Linked l = linked();
        assertEquals(401, rawUpgrade(SessionSocket.PATH + "?device=" + l.device().deviceId, Map.of("Origin",
                cloud.url)));
    }

    @Test
    void session_socket_from_another_site_or_without_the_page_token_is_refused_with_403() throws Exception {
        Linked l = linked();
        String query = "?device=" + l.device().deviceId;
        assertEquals(403, refusedStatus(l.browser(), query + "&csrf=" + l.browser().csrf(), Map.of("Origin",
                "http://evil.example")));
        assertEquals(403, refusedStatus(l.browser(), query, Map.of("Origin", cloud.url)));
        assertEquals(403, refusedStatus(l.browser(), query + "&csrf=wrong-token-wrong-token", Map.of("Origin",
                cloud.url)));
    }

    @Test
    void another_accounts_device_is_not_found() throws Exception {
        Linked mine = linked();
        Linked theirs = linked();
        assertEquals(404, refusedStatus(mine.browser(), "?device=" + theirs.device().deviceId + "&csrf="
                + mine.browser().csrf(), Map.of("Origin", cloud.url)));
    }

    @Test
    void offline_device_is_refused_with_a_reason_the_page_shows() throws Exception {
        Linked l = linked();
        l.events().socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        l.events().closed.get(5, TimeUnit.SECONDS);
        Thread.sleep(200); // the cloud unregisters the socket after the close handshake
        Frames browser = openSession(l.browser(), l.device().deviceId, "");
        JsonNode closed = browser.next(SessionSignal.CLOSED);
        assertEquals("device_offline", closed.path("code").asText());
        assertTrue(closed.path("reason").asText().contains("not connected"), closed.toString());
    }

    @Test
    void device_status_frames_cross_out_the_dashboard_badges() throws Exception {
        Linked l = linked();
        assertTrue(access(l.browser(), l.device().deviceId).path("shell_allowed").asBoolean());
        l.events().send(DeviceStatus.of(false, false));
        JsonNode after = awaitAccess(l.browser(), l.device().deviceId, a -> !a.path("shell_allowed").asBoolean());
        assertFalse(after.path("vnc_allowed").asBoolean());
        String page = l.browser().get("/").body();
        assertTrue(page.contains("badge badge-shell disallowed"), page);
        assertTrue(page.contains("badge badge-vnc disallowed"), page);
        assertTrue(page.contains("connect-shell disallowed"), page);

        l.events().send(DeviceStatus.of(true, false));
        awaitAccess(l.browser(), l.device().deviceId, a -> a.path("shell_allowed").asBoolean());
        assertFalse(l.browser().get("/").body().contains("badge badge-shell disallowed"));
    }

    @Test
    void a_shell_disallowed_refusal_crosses_out_the_badge_and_an_answer_restores_it() throws Exception {
        Linked l = linked();
        Frames browser = openSession(l.browser(), l.device().deviceId, "");
        String refused = browser.next(SessionRelay.READY).path("session_id").asText();
        browser.send(Map.of("type", "session.offer", "sdp", SDP));
        l.events().next(SessionSignal.OFFER);
        l.events().send(SessionSignal.closed(refused, SessionEndCode.SHELL_DISALLOWED, "Remote shell is off."));
        assertEquals("Remote shell is off.", browser.next(SessionSignal.CLOSED).path("reason").asText());
        awaitAccess(l.browser(), l.device().deviceId, a -> !a.path("shell_allowed").asBoolean());

        Frames again = openSession(l.browser(), l.device().deviceId, "");
        String answered = again.next(SessionRelay.READY).path("session_id").asText();
        again.send(Map.of("type", "session.offer", "sdp", SDP));
        l.events().next(SessionSignal.OFFER);
        l.events().send(SessionSignal.answer(answered, SDP));
        awaitAccess(l.browser(), l.device().deviceId, a -> a.path("shell_allowed").asBoolean());
    }

    @Test
    void a_signed_in_device_gets_its_ice_servers_with_its_own_turn_credential() throws Exception {
        Linked l = linked();
        HttpResponse<String> r = l.device().get(DeviceApi.ICE_SERVERS);
        assertEquals(200, r.statusCode(), r.body());
        IceServerList list = Json.read(r.body(), IceServerList.class);
        assertEquals(List.of("stun:127.0.0.1:3478"), list.iceServers().get(0).urls());
        IceServer turn = list.iceServers().get(1);
        assertEquals(List.of("turn:127.0.0.1:3478?transport=udp"), turn.urls());
        assertTrue(turn.username().endsWith(":" + l.device().deviceId), turn.username());
        assertFalse(turn.credential().isBlank());
        assertEquals(401, new FakeDevice(cloud, "sess-unlinked", "nobody").get(DeviceApi.ICE_SERVERS).statusCode());
    }

    @Test
    void garbage_from_a_device_does_not_close_its_event_socket() throws Exception {
        Linked l = linked();
        l.events().send("{not json");
        l.events().send("{\"type\":\"session.answer\",\"session_id\":\"s-unknown\",\"sdp\":\"v=0\"}");
        l.events().send("{\"type\":\"device.status\",\"shell_allowed\":\"perhaps\"}");
        l.events().send(DeviceStatus.of(false, true));
        awaitAccess(l.browser(), l.device().deviceId, a -> !a.path("shell_allowed").asBoolean());
        assertFalse(l.events().closed.isDone());
    }

    @Test
    void shell_page_serves_the_terminal_and_its_scripts_as_javascript() throws Exception {
        Linked l = linked();
        HttpResponse<String> page = l.browser().get("/devices/" + l.device().deviceId + "/shell?relay=1");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-device-id=\"" + l.device().deviceId + "\""), page.body());
        assertTrue(page.body().contains("data-relay=\"1\""), page.body());
        assertTrue(page.body().contains("id=\"disconnect\""));
        assertTrue(page.body().contains("id=\"padlock\""));
        assertTrue(page.body().contains("id=\"session-status\""));
        for (String path : List.of("/static/js/shell.js", "/static/js/terminal.js", "/static/js/peer.js",
                "/static/js/signalling.js", "/static/js/dashboard.js", "/static/vendor/xterm/xterm.mjs",
                "/static/vendor/xterm-addon-fit/addon-fit.mjs")) {
            HttpResponse<String> r = l.browser().get(path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"),
                    path + ": " + r.headers().firstValue("Content-Type"));
        }
        assertEquals(200, l.browser().get("/static/vendor/xterm/LICENSE").statusCode());
    }

    @Test
    void shell_page_of_another_accounts_device_is_not_found() throws Exception {
        Linked mine = linked();
        Linked theirs = linked();
        assertEquals(404, mine.browser().get("/devices/" + theirs.device().deviceId + "/shell").statusCode());
    }

    @Test
    void sdp_and_candidates_reach_neither_the_database_nor_the_log() throws Exception {
        Logger project = (Logger) LoggerFactory.getLogger("org.openrpiconnect");
        Level saved = project.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        project.addAppender(log);
        project.setLevel(Level.DEBUG);
        try {
            Linked l = linked();
            Frames browser = openSession(l.browser(), l.device().deviceId, "");
            String sessionId = browser.next(SessionRelay.READY).path("session_id").asText();
            browser.send(Map.of("type", "session.offer", "sdp", SDP));
            browser.send(Map.of("type", "session.ice", "candidate", CANDIDATE, "sdp_mid", "0"));
            l.events().next(SessionSignal.ICE);
            l.events().send(SessionSignal.answer(sessionId, SDP));
            l.events().send(SessionSignal.ice(sessionId, CANDIDATE, "0", 0));
            browser.next(SessionSignal.ICE);
        } finally {
            project.detachAppender(log);
            project.setLevel(saved);
        }
        for (ILoggingEvent e : log.list) {
            String line = e.getFormattedMessage();
            assertFalse(line.contains(ICE_PASSWORD) || line.contains("198.51.100.7") || line.contains("test-secret"),
                    line);
        }
        assertTrue(log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("offer relayed")));
        // the database files, its write-ahead log included
        try (Stream<Path> files = Files.walk(cloud.dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(ICE_PASSWORD), f + " holds the SDP");
                assertFalse(bytes.contains("198.51.100.7"), f + " holds a candidate address");
            }
        }
    }

    private static JsonNode access(Browser browser, String deviceId) {
        HttpResponse<String> r = browser.get("/dashboard/access");
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode n : CloudJson.tree(r.body())) {
            if (deviceId.equals(n.path("device_id").asText())) return n;
        }
        throw new AssertionError(deviceId + " not in " + r.body());
    }

    private static JsonNode awaitAccess(Browser browser, String deviceId,
                                        java.util.function.Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = access(browser, deviceId);
            if (condition.test(last)) return last;
            Thread.sleep(50);
        }
        throw new AssertionError("dashboard access never matched; last: " + last);
    }

    /** A hand-made upgrade request, so a refusal's status can be read. */
    private static int rawUpgrade(String pathAndQuery, Map<String, String> headers) throws Exception {
        URI uri = URI.create(cloud.url);
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            StringBuilder req = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                    .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            req.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            assertNotNull(status);
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
