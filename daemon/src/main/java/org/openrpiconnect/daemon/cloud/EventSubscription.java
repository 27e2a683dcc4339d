package org.openrpiconnect.daemon.cloud;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.openrpiconnect.daemon.Scheduling;
import org.openrpiconnect.daemon.config.CloudEndpoint;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.openrpiconnect.protocol.json.JsonValue;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Keeps the device's event WebSocket to the cloud open while it is signed in: a new client per attempt (each
 * upgrade request carries a fresh signature), reconnects with {@link Backoff}, reset once a connection has been up
 * for {@link #STABLE_AFTER}. Stops for good on {@link #stop()}, or when the cloud closes with
 * {@link DeviceApi#CLOSE_SIGNED_OUT}.
 */
public final class EventSubscription {
    public static final Duration STABLE_AFTER = Duration.ofSeconds(10);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int PING_INTERVAL_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);

    /** Called from the WebSocket's threads; implementations return quickly. */
    public interface Listener {
        void onSubscribed();

        void onUnsubscribed();

        void onEvent(DeviceEvent event);

        /** A session frame ({@code type} starting with "session."), see {@link SessionSignal}. */
        void onSessionSignal(SessionSignal signal);

        /** The cloud closed with {@link DeviceApi#CLOSE_SIGNED_OUT}: the device was removed; no reconnect. */
        void onSignedOutByCloud();

        /** The upgrade was answered with this HTTP status (401: the credential may be gone). Reconnects follow. */
        void onUpgradeRefused(int status);
    }

    /** Runs before each connection attempt; a failure postpones the attempt (with backoff). */
    @FunctionalInterface
    public interface Preflight {
        void check() throws CloudException;
    }

    private final CloudEndpoint endpoint;
    private final DeviceSigner signer;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final Listener listener;
    private final Clock clock;
    private final String deviceId;
    private final Preflight preflight;

    private WebSocketClient current;
    private Instant openedAt;
    private boolean stopped;

    public EventSubscription(CloudEndpoint endpoint, DeviceSigner signer, ScheduledExecutorService scheduler,
                             Backoff backoff, Listener listener, Clock clock, Preflight preflight) {
        this.endpoint = endpoint;
        this.signer = signer;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.listener = listener;
        this.clock = clock;
        this.deviceId = signer.deviceId();
        this.preflight = preflight;
    }

    /** Starts connecting in the background. */
    public void start() {
        Scheduling.now(scheduler, this::attempt);
    }

    /** Closes the socket; no reconnect follows. Idempotent. */
    public void stop() {
        WebSocketClient client;
        synchronized (this) {
            if (stopped) return;
            stopped = true;
            client = current;
            current = null;
        }
        if (client != null) client.close();
    }

    private void attempt() {
        synchronized (this) {
            if (stopped) return;
        }
        try {
            preflight.check();
        } catch (CloudException | RuntimeException e) {
            Duration delay;
            synchronized (this) {
                if (stopped) return;
                delay = backoff.next();
            }
            log.info("Cannot subscribe to events yet ({}); trying again in {} ms (device {})", e.getMessage(),
                    delay.toMillis(), deviceId);
            Scheduling.later(scheduler, this::attempt, delay);
            return;
        }
        connect();
    }

    private synchronized void connect() {
        if (stopped) return;
        URI uri = endpoint.websocket(DeviceApi.EVENTS);
        Client client = new Client(uri);
        signer.headers("GET", uri.getRawPath(), new byte[0]).forEach(client::addHeader);
        client.setConnectionLostTimeout(PING_INTERVAL_SECONDS);
        current = client;
        openedAt = null;
        log.debug("Connecting to events at {} (device {})", uri, deviceId);
        client.connect();
    }

    private void opened(Client client) {
        synchronized (this) {
            if (client != current) return;
            openedAt = clock.instant();
        }
        log.info("Subscribed to events (device {})", deviceId);
        listener.onSubscribed();
    }

    /**
     * Sends a text frame to the cloud on the open connection without waiting; false when there is none (the frame
     * is dropped: session frames are only useful now).
     */
    public boolean send(String text) {
        WebSocketClient client;
        synchronized (this) {
            client = current;
            if (client == null || openedAt == null) return false;
        }
        try {
            client.send(text);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    private void message(Client client, String text) {
        synchronized (this) {
            if (client != current) return;
        }
        JsonValue frame;
        try {
            frame = Json.read(text, JsonValue.class);
        } catch (Json.MalformedJsonException e) {
            log.warn("Ignoring an unreadable event frame (device {}): {}", deviceId, e.getMessage());
            return;
        }
        String type = frame.text("type");
        if (type == null) return;
        if (SessionSignal.isSessionType(type)) {
            SessionSignal signal;
            try {
                signal = Json.read(frame, SessionSignal.class);
            } catch (Json.MalformedJsonException e) {
                log.warn("Ignoring an unreadable {} frame (device {}): {}", type, deviceId,
                        firstLine(String.valueOf(e.getMessage())));
                return;
            }
            log.debug("Session frame {} for session {} (device {})", type, signal.sessionId(), deviceId);
            listener.onSessionSignal(signal);
            return;
        }
        DeviceEvent event;
        try {
            event = Json.read(frame, DeviceEvent.class);
        } catch (Json.MalformedJsonException e) {
            log.warn("Ignoring an unreadable {} event (device {})", type, deviceId);
            return;
        }
        log.debug("Event {} (device {})", event.type(), deviceId);
        listener.onEvent(event);
    }

    private void closed(Client client, int code, String reason) {
        boolean wasOpen;
        Duration delay;
        synchronized (this) {
            if (client != current) return;
            wasOpen = openedAt != null;
            if (wasOpen && Duration.between(openedAt, clock.instant()).compareTo(STABLE_AFTER) >= 0) {
                backoff.reset();
            }
            openedAt = null;
            delay = stopped ? null : backoff.next();
        }
        if (wasOpen) listener.onUnsubscribed();
        if (code == DeviceApi.CLOSE_SIGNED_OUT) {
            synchronized (this) {
                stopped = true;
                current = null;
            }
            log.info("The cloud ended the event connection: device removed or signed out (device {})", deviceId);
            listener.onSignedOutByCloud();
            return;
        }
        OptionalInt refused = HandshakeRefusal.status(reason);
        if (refused.isPresent()) {
            log.warn("The cloud refused the event connection with HTTP {} (device {})", refused.getAsInt(), deviceId);
            listener.onUpgradeRefused(refused.getAsInt());
        }
        synchronized (this) {
            if (stopped || client != current) return;
        }
        log.info("Event connection {} ({}); reconnecting in {} ms (device {})", wasOpen ? "lost" : "failed",
                describe(code, reason), delay.toMillis(), deviceId);
        Scheduling.later(scheduler, this::attempt, delay);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String describe(int code, String reason) {
        return reason == null || reason.isBlank() ? "code " + code : reason;
    }

    private final class Client extends WebSocketClient {
        Client(URI uri) {
            super(uri, new Draft_6455(), null, CONNECT_TIMEOUT_MILLIS);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened(this);
        }

        @Override
        public void onMessage(String message) {
            message(this, message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed(this, code, reason);
        }

        @Override
        public void onError(Exception ex) {
            log.debug("Event connection error (device {}): {}", deviceId, ex.toString());
        }
    }
}
