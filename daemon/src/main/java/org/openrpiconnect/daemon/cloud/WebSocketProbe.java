package org.openrpiconnect.daemon.cloud;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Doctor's WebSocket check: does an upgrade request reach the server? Any HTTP answer counts (an unsigned request
 * is refused with 401, which still proves communication); no answer, a refused connection or a timeout does not.
 */
public final class WebSocketProbe {
    private WebSocketProbe() {}

    /** Empty when the server answered; otherwise why not. */
    public static Optional<String> failureReaching(URI uri, Duration timeout) {
        return failureReaching(CloudConnector.DEFAULT, uri, timeout);
    }

    static Optional<String> failureReaching(CloudConnector connector, URI uri, Duration timeout) {
        try {
            WebSocketConnection.open(connector, uri, Map.of(), timeout).close();
            return Optional.empty();
        } catch (WebSocketConnection.Refused e) {
            return Optional.empty(); // an HTTP answer: the server is there
        } catch (IOException | RuntimeException e) {
            return Optional.of(CloudException.Unreachable.reasonOf(e));
        }
    }
}
