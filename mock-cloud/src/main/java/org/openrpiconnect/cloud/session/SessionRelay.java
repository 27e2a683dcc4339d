package org.openrpiconnect.cloud.session;

import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.session.IceServer;
import org.openrpiconnect.protocol.session.SessionLimits;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signalling between browsers and devices (see {@code org.openrpiconnect.protocol.session} for the device side
 * and {@code SessionSocket} for the browser side). Each browser socket is one session: the cloud names it, hands
 * both peers their ICE servers, and passes the offer, the answer and the trickled candidates through untouched,
 * without keeping them: nothing about a session but its ids and state is held, and only in memory. It counts a
 * device's active sessions from the answers and {@code session.closed} frames.
 *
 * <p>Relaying needs the browser and the device on the same cloud instance: with several instances behind one
 * address, a browser reaching an instance that does not hold the device's event socket is told the device is
 * offline. (Routing frames between instances is not built.)
 */
public final class SessionRelay {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRelay.class);
    /** Cloud to browser, first frame: the session id and the browser's ICE servers. */
    public static final String READY = "session.ready";
    /** A browser socket that sends no offer within this is closed. */
    static final Duration OFFER_TIMEOUT = Duration.ofSeconds(60);
    /** The device gets its own connect timeout, and some slack, to answer. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(SessionLimits.CONNECT_TIMEOUT_SECONDS + 15);
    /** After the browser left, how long the session still counts while the device has not confirmed the close. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(60);
    /** Sessions of one device being set up (no answer yet) at once. */
    static final int MAX_PENDING_PER_DEVICE = 16;
    /** Frames one browser may send in one session: an offer, its candidates (a few per interface), a close. */
    static final int MAX_BROWSER_FRAMES = 4 * SessionLimits.MAX_REMOTE_CANDIDATES;

    private final DeviceLine devices;
    private final IceServers iceServers;
    private final Clock clock;
    private final Map<String, RelayedSession> sessions = new ConcurrentHashMap<>();

    public SessionRelay(DeviceLine devices, IceServers iceServers, Clock clock) {
        this.devices = devices;
        this.iceServers = iceServers;
        this.clock = clock;
    }

    /**
     * A signed-in user allowed on the device opened a session socket. Sends the browser {@value #READY} (or a
     * refusal, then closes it). Returns the session id, or null when refused.
     */
    public String open(String deviceId, String userId, boolean relayOnly, BrowserEnd browser) {
        if (relayOnly && !iceServers.hasTurn()) {
            refuse(browser, RelayEndCode.RELAY_UNAVAILABLE, "A relayed connection needs a TURN server, and this"
                    + " Raspberry Pi Connect has none configured: connect without relay=1, or ask the operator to"
                    + " start the cloud with --turn-url and --turn-secret-file.");
            return null;
        }
        if (!devices.connected(deviceId)) {
            refuse(browser, RelayEndCode.DEVICE_OFFLINE, "The device is not connected to Raspberry Pi Connect right"
                    + " now. Check that it is switched on and online and that rpi-connect status shows it signed in,"
                    + " then try again.");
            return null;
        }
        long pending = sessions.values().stream().filter(s -> s.deviceId.equals(deviceId)
                && (s.state() == RelayedSession.State.READY || s.state() == RelayedSession.State.OFFERED)).count();
        if (pending >= MAX_PENDING_PER_DEVICE) {
            refuse(browser, RelayEndCode.BUSY, "Too many sessions to this device are being set up at once. Wait a"
                    + " moment and try again.");
            return null;
        }
        String id = "s-" + Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(16));
        RelayedSession session = new RelayedSession(id, deviceId, userId, SessionSignal.KIND_SHELL, relayOnly,
                browser, clock.millis());
        sessions.put(id, session);
        List<IceServer> servers = iceServers.forPeer(userId);
        browser.send(Json.write(new SessionSignal(READY, id, session.kind, null, servers, policy(session), null,
                null, null, null, null)));
        LOG.info("session {} device {}: opened", id, deviceId);
        return id;
    }

    /** A text frame from the browser of session {@code sessionId}. */
    public void fromBrowser(String sessionId, String text) {
        RelayedSession s = sessions.get(sessionId);
        if (s == null) return;
        if (s.countBrowserFrame() > MAX_BROWSER_FRAMES) {
            fail(s, RelayEndCode.PROTOCOL_ERROR, "The browser sent more signalling messages than a session needs."
                    + " Reload the page to connect again.");
            return;
        }
        SessionSignal frame;
        try {
            frame = Json.read(text, SessionSignal.class);
        } catch (Json.MalformedJsonException e) {
            frame = null;
        }
        if (frame == null || frame.type() == null) {
            fail(s, RelayEndCode.PROTOCOL_ERROR, "The browser sent a signalling message that is not JSON with a"
                    + " type. Reload the page to connect again.");
            return;
        }
        switch (frame.type()) {
            case SessionSignal.OFFER -> offer(s, frame);
            case SessionSignal.ICE -> browserCandidate(s, frame);
            case SessionSignal.CLOSE -> browserGone(sessionId);
            default -> LOG.debug("session {} device {}: ignored browser frame {}", s.id, s.deviceId, frame.type());
        }
    }

    private void offer(RelayedSession s, SessionSignal frame) {
        String sdp = frame.sdp();
        if (sdp == null || sdp.isBlank() || sdp.length() > SessionLimits.MAX_SDP_CHARS) {
            fail(s, RelayEndCode.PROTOCOL_ERROR, "The browser's offer has no session description, or one over "
                    + SessionLimits.MAX_SDP_CHARS + " characters. Reload the page to connect again.");
            return;
        }
        if (!s.move(RelayedSession.State.READY, RelayedSession.State.OFFERED, clock.millis())) {
            fail(s, RelayEndCode.PROTOCOL_ERROR, "The browser sent a second offer in one session. Reload the page to"
                    + " connect again.");
            return;
        }
        SessionSignal offer = SessionSignal.offer(s.id, s.kind, sdp, iceServers.forPeer(s.deviceId), policy(s));
        if (!devices.send(s.deviceId, Json.write(offer))) {
            fail(s, RelayEndCode.DEVICE_OFFLINE, "The device lost its connection to Raspberry Pi Connect. Check"
                    + " that it is online, then try again.");
            return;
        }
        LOG.info("session {} device {}: offer relayed", s.id, s.deviceId);
    }

    private void browserCandidate(RelayedSession s, SessionSignal frame) {
        RelayedSession.State state = s.state();
        if (state != RelayedSession.State.OFFERED && state != RelayedSession.State.ANSWERED) {
            if (state == RelayedSession.State.READY) {
                fail(s, RelayEndCode.PROTOCOL_ERROR, "The browser sent a connection candidate before its offer."
                        + " Reload the page to connect again.");
            }
            return;
        }
        String candidate = frame.candidate() == null ? "" : frame.candidate();
        if (candidate.length() > SessionLimits.MAX_CANDIDATE_CHARS) {
            fail(s, RelayEndCode.PROTOCOL_ERROR, "The browser sent a connection candidate over "
                    + SessionLimits.MAX_CANDIDATE_CHARS + " characters. Reload the page to connect again.");
            return;
        }
        devices.send(s.deviceId, Json.write(SessionSignal.ice(s.id, frame.candidate(), frame.sdpMid(),
                frame.sdpMlineIndex())));
        LOG.debug("session {} device {}: browser candidate relayed", s.id, s.deviceId);
    }

    /** The browser's socket closed (or it sent {@code session.close}): the device is asked to end the session. */
    public void browserGone(String sessionId) {
        RelayedSession s = sessions.get(sessionId);
        if (s == null) return;
        RelayedSession.State left = s.startClosing(clock.millis());
        if (left == null) {
            if (s.state() == RelayedSession.State.READY) forget(s, "browser left before an offer");
            return;
        }
        devices.send(s.deviceId, Json.write(SessionSignal.close(s.id)));
        LOG.info("session {} device {}: browser left, close sent", s.id, s.deviceId);
        s.browser.close();
    }

    /**
     * A session frame from device {@code deviceId}'s event socket. Frames about sessions of other devices, or of
     * none, are dropped.
     */
    public void fromDevice(String deviceId, SessionSignal frame) {
        RelayedSession s = frame.sessionId() == null ? null : sessions.get(frame.sessionId());
        if (s == null || !s.deviceId.equals(deviceId)) {
            LOG.debug("device {}: dropped {} for a session it does not have here", deviceId, frame.type());
            return;
        }
        switch (frame.type()) {
            case SessionSignal.ANSWER -> {
                if (s.move(RelayedSession.State.OFFERED, RelayedSession.State.ANSWERED, clock.millis())) {
                    s.browser.send(Json.write(SessionSignal.answer(s.id, frame.sdp())));
                    LOG.info("session {} device {}: answered", s.id, deviceId);
                }
            }
            case SessionSignal.ICE -> {
                if (s.state() != RelayedSession.State.CLOSING) {
                    s.browser.send(Json.write(SessionSignal.ice(s.id, frame.candidate(), frame.sdpMid(),
                            frame.sdpMlineIndex())));
                }
            }
            case SessionSignal.CLOSED -> {
                sessions.remove(s.id, s);
                s.browser.send(Json.write(new SessionSignal(SessionSignal.CLOSED, s.id, null, null, null, null, null,
                        null, null, frame.code(), frame.reason())));
                s.browser.close();
                LOG.info("session {} device {}: closed by the device ({})", s.id, deviceId, frame.code());
            }
            default -> LOG.warn("device {}: dropped a {} frame (devices answer, they never offer or close)", deviceId,
                    frame.type());
        }
    }

    /**
     * The device's last event socket here closed. Sessions not answered yet fail; answered ones may go on peer to
     * peer and keep counting until the device reports them closed (after reconnecting) or the browser leaves.
     */
    public void deviceDisconnected(String deviceId) {
        for (RelayedSession s : sessions.values()) {
            if (!s.deviceId.equals(deviceId)) continue;
            switch (s.state()) {
                case READY, OFFERED -> fail(s, RelayEndCode.DEVICE_OFFLINE, "The device lost its connection to"
                        + " Raspberry Pi Connect before the session was set up. Check that it is online, then try"
                        + " again.");
                case CLOSING -> forget(s, "device disconnected");
                case ANSWERED -> { }
            }
        }
    }

    /** Active sessions of the device (answered and not reported closed) on this cloud instance. */
    public int activeSessions(String deviceId) {
        int n = 0;
        for (RelayedSession s : sessions.values()) {
            if (s.deviceId.equals(deviceId) && s.counted()) n++;
        }
        return n;
    }

    /** Ends what waited too long: no offer, no answer, or no confirmation of a close. Called every few seconds. */
    public void sweep() {
        long now = clock.millis();
        for (RelayedSession s : sessions.values()) {
            long age = now - s.since();
            switch (s.state()) {
                case READY -> {
                    if (age > OFFER_TIMEOUT.toMillis()) {
                        fail(s, RelayEndCode.TIMEOUT, "The browser made no offer within " + OFFER_TIMEOUT.toSeconds()
                                + " s. Reload the page to connect again.");
                    }
                }
                case OFFERED -> {
                    if (age > ANSWER_TIMEOUT.toMillis()) {
                        fail(s, RelayEndCode.TIMEOUT, "The device did not answer within "
                                + ANSWER_TIMEOUT.toSeconds() + " s. Check rpi-connect status on the device, then try"
                                + " again.");
                    }
                }
                case CLOSING -> {
                    if (age > CLOSE_GRACE.toMillis()) forget(s, "no close confirmation from the device");
                }
                case ANSWERED -> { }
            }
        }
    }

    /** Sessions held (any state): for tests of forgetting. */
    int size() {
        return sessions.size();
    }

    /** Ends a session from the cloud's side: tells the browser why, asks the device to close if it has the offer. */
    private void fail(RelayedSession s, RelayEndCode code, String reason) {
        if (!sessions.remove(s.id, s)) return;
        RelayedSession.State state = s.state();
        if (state == RelayedSession.State.OFFERED || state == RelayedSession.State.ANSWERED) {
            devices.send(s.deviceId, Json.write(SessionSignal.close(s.id)));
        }
        refuse(s.browser, code, reason, s.id);
        LOG.info("session {} device {}: ended by the cloud ({})", s.id, s.deviceId, code.wire());
    }

    private void forget(RelayedSession s, String why) {
        if (sessions.remove(s.id, s)) LOG.info("session {} device {}: forgotten ({})", s.id, s.deviceId, why);
    }

    private static void refuse(BrowserEnd browser, RelayEndCode code, String reason) {
        refuse(browser, code, reason, null);
    }

    private static void refuse(BrowserEnd browser, RelayEndCode code, String reason, String sessionId) {
        browser.send(Json.write(new SessionSignal(SessionSignal.CLOSED, sessionId, null, null, null, null, null, null,
                null, code.wire(), reason)));
        browser.close();
    }

    private static String policy(RelayedSession s) {
        return s.relayOnly ? SessionSignal.POLICY_RELAY : SessionSignal.POLICY_ALL;
    }
}
