package org.openrpiconnect.cloud;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceEvent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A device's event socket, with the frames it received and how it was closed. */
public final class EventSocketClient implements WebSocket.Listener, AutoCloseable {
    public final BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    public static EventSocketClient connect(TestCloud cloud, FakeDevice device) throws Exception {
        EventSocketClient client = new EventSocketClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        device.eventSocketHeaders().forEach(b::header);
        client.socket = b.buildAsync(URI.create(cloud.url.replace("http://", "ws://") + DeviceApi.EVENTS), client)
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    public DeviceEvent next(long timeoutMillis) throws InterruptedException {
        return events.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            events.add(Json.read(partial.toString(), DeviceEvent.class));
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
