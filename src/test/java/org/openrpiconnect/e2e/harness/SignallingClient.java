package org.openrpiconnect.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.Cookie;
import org.openrpiconnect.cloud.CloudJson;
import org.openrpiconnect.protocol.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The browser's side of the cloud's session socket, spoken from the test (with the cookies of the signed-in
 * Chromium): for sending what no well-behaved page sends, such as a malformed offer or a flood of candidates.
 */
public final class SignallingClient implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Opens a session socket to the device as the user signed in in {@code browser} (on the cloud's page). */
    public static SignallingClient open(Browser browser, String cloudUrl, String deviceId) throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("rpc_session");
        Cookie csrf = browser.driver().manage().getCookieNamed("rpc_csrf");
        if (session == null || csrf == null) throw new AssertionError("the browser is not signed in to the cloud");
        SignallingClient client = new SignallingClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", "rpc_session=" + session.getValue() + "; rpc_csrf=" + csrf.getValue())
                .header("Origin", cloudUrl)
                .buildAsync(URI.create(cloudUrl.replace("http://", "ws://") + "/api/v1/sessions/ws?device="
                        + deviceId + "&csrf=" + csrf.getValue()), client)
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    public void send(Object frame) {
        socket.sendText(Json.write(frame), true).join();
    }

    /** The next frame of this type (others skipped), or an assertion error after {@code timeout}. */
    public JsonNode next(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode f = frames.poll(100, TimeUnit.MILLISECONDS);
            if (f != null && type.equals(f.path("type").asText())) return f;
        }
        throw new AssertionError("no " + type + " frame within " + timeout.toSeconds() + " s");
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(CloudJson.tree(partial.toString()));
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
