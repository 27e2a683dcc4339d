package org.openrpiconnect.daemon.cloud;

import org.openrpiconnect.daemon.Scheduling;
import org.openrpiconnect.daemon.config.CloudEndpoint;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.openrpiconnect.protocol.json.JsonValue;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Keeps the device's event WebSocket to the cloud open while it is signed in: a new connection per attempt (each
 * upgrade request carries a fresh signature), reconnects with {@link Backoff}, reset once a connection has been up
 * for {@link #STABLE_AFTER}. Stops for good on {@link #stop()}, or when the cloud closes with
 * {@link DeviceApi#CLOSE_SIGNED_OUT}.
 *
 * <p>Each connection has one thread of its own that connects, upgrades and reads; pings go out every
 * {@link #PING_INTERVAL} from the scheduler, and a connection silent for {@link #SILENCE_LIMIT} (no pong, no
 * event) counts as lost.
 */
public final class EventSubscription {
    public static final Duration STABLE_AFTER = Duration.ofSeconds(10);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration PING_INTERVAL = Duration.ofSeconds(30);
    static final Duration SILENCE_LIMIT = PING_INTERVAL.multipliedBy(5).dividedBy(2);
    private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);

    /** Called from the connection's reader thread; implementations return quickly. */
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

    private Attempt current;
    private Instant openedAt;
    private boolean stopped;

    /** One connection attempt: its socket once upgraded, and its ping task (both guarded by the subscription). */
    private static final class Attempt {
        WebSocketConnection socket;
        Future<?> pings;
    }

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
        Attempt attempt;
        synchronized (this) {
            if (stopped) return;
            stopped = true;
            attempt = current;
            current = null;
        }
        if (attempt != null) end(attempt, WebSocketConnection.GOING_AWAY);
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
        Attempt attempt = new Attempt();
        current = attempt;
        openedAt = null;
        Map<String, String> headers = signer.headers("GET", uri.getRawPath(), new byte[0]);
        log.debug("Connecting to events at {} (device {})", uri, deviceId);
        Thread reader = new Thread(() -> run(attempt, uri, headers), "cloud-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** The attempt's own thread: connect, upgrade, read until the connection ends. */
    private void run(Attempt attempt, URI uri, Map<String, String> headers) {
        WebSocketConnection socket;
        try {
            socket = WebSocketConnection.open(CloudConnector.DEFAULT, uri, headers, CONNECT_TIMEOUT);
        } catch (WebSocketConnection.Refused e) {
            closed(attempt, WebSocketConnection.ABNORMAL, e.getMessage(), e.status());
            return;
        } catch (IOException | RuntimeException e) {
            log.debug("Event connection error (device {}): {}", deviceId, e.toString());
            closed(attempt, WebSocketConnection.ABNORMAL, CloudException.Unreachable.reasonOf(e), 0);
            return;
        }
        synchronized (this) {
            if (attempt != current) {
                socket.close(WebSocketConnection.GOING_AWAY, "");
                return;
            }
            attempt.socket = socket;
            openedAt = clock.instant();
            attempt.pings = Scheduling.every(scheduler, () -> ping(socket), PING_INTERVAL);
        }
        log.info("Subscribed to events (device {})", deviceId);
        listener.onSubscribed();
        WebSocketConnection.Closed closed = socket.readUntilClosed(text -> {
            try {
                message(attempt, text);
            } catch (RuntimeException e) { // one event's fault must not end the connection
                log.warn("Handling an event frame failed (device {}): {}", deviceId, e.toString());
            }
        }, SILENCE_LIMIT);
        closed(attempt, closed.code(), closed.reason(), 0);
    }

    private void ping(WebSocketConnection socket) {
        try {
            socket.ping();
        } catch (IOException e) {
            // the reader notices the connection's end
        }
    }

    /** Stops the attempt's pings and closes its socket with {@code code}; its reader then ends. */
    private void end(Attempt attempt, int code) {
        WebSocketConnection socket;
        Future<?> pings;
        synchronized (this) {
            socket = attempt.socket;
            pings = attempt.pings;
        }
        if (pings != null) pings.cancel(false);
        if (socket != null) socket.close(code, "");
    }

    /**
     * Sends a text frame to the cloud on the open connection, on the caller's thread; false when there is none (the
     * frame is dropped: session frames are only useful now). A frame is a few KB, which the socket's buffer takes at
     * once; only a cloud that stopped reading makes this wait, until the silence limit ends the connection.
     */
    public boolean send(String text) {
        WebSocketConnection socket;
        synchronized (this) {
            if (current == null || openedAt == null) return false;
            socket = current.socket;
        }
        try {
            socket.sendText(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void message(Attempt attempt, String text) {
        synchronized (this) {
            if (attempt != current) return;
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

    /** The attempt ended: {@code refusedStatus} is the upgrade's HTTP status when it was refused, else 0. */
    private void closed(Attempt attempt, int code, String reason, int refusedStatus) {
        end(attempt, WebSocketConnection.NORMAL); // its socket is closed already; this stops its pings
        boolean wasOpen;
        Duration delay;
        synchronized (this) {
            if (attempt != current) return;
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
        if (refusedStatus != 0) {
            log.warn("The cloud refused the event connection with HTTP {} (device {})", refusedStatus, deviceId);
            listener.onUpgradeRefused(refusedStatus);
        }
        synchronized (this) {
            if (stopped || attempt != current) return;
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
}
