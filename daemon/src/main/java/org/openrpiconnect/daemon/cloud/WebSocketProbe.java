package org.openrpiconnect.daemon.cloud;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Doctor's WebSocket check: does an upgrade request reach the server? Any HTTP answer counts (an unsigned request
 * is refused with 401, which still proves communication); no answer, a refused connection or a timeout does not.
 */
public final class WebSocketProbe {
    private WebSocketProbe() {}

    /** Empty when the server answered; otherwise why not. */
    public static Optional<String> failureReaching(URI uri, Duration timeout) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>(); // "" = the server answered
        WebSocketClient client = new WebSocketClient(uri, new Draft_6455(), null, (int) timeout.toMillis()) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                outcome.compareAndSet(null, "");
                done.countDown();
                close();
            }

            @Override
            public void onMessage(String message) {}

            @Override
            public void onClose(int code, String reason, boolean remote) {
                outcome.compareAndSet(null, HandshakeRefusal.status(reason).isPresent() ? ""
                        : (reason == null || reason.isBlank() ? "connection closed" : reason));
                done.countDown();
            }

            @Override
            public void onError(Exception ex) {}
        };
        try {
            client.connect();
            if (!done.await(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)) return Optional.of("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            client.close();
        }
        String failure = outcome.get();
        return failure == null || failure.isEmpty() ? Optional.empty() : Optional.of(failure);
    }
}
