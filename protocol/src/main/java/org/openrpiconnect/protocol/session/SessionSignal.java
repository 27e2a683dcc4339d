package org.openrpiconnect.protocol.session;

import org.openrpiconnect.protocol.json.OmitNulls;

import java.util.List;

/**
 * One signalling frame of a remote session on the device's event WebSocket (see the package documentation for
 * the whole exchange). Which fields a frame carries depends on its {@code type}; the others are absent.
 *
 * @param type               one of the {@code TYPE_*} constants
 * @param sessionId          the session this frame is about (always present)
 * @param kind               offer: {@value #KIND_SHELL}
 * @param sdp                offer and answer: the session description, untouched
 * @param iceServers         offer: STUN/TURN servers the device should use (may be empty)
 * @param iceTransportPolicy offer: {@value #POLICY_ALL} (default) or {@value #POLICY_RELAY}
 * @param candidate          ice: the candidate line ({@code candidate:...}); empty = end of candidates
 * @param sdpMid             ice: the media stream id the candidate belongs to
 * @param sdpMlineIndex      ice: the m-line index the candidate belongs to
 * @param code               closed: why, a {@link SessionEndCode} wire value
 * @param reason             closed: why, a sentence to show to the user
 */
public record SessionSignal(String type, String sessionId, String kind, String sdp, List<IceServer> iceServers,
                            String iceTransportPolicy, String candidate, String sdpMid, Integer sdpMlineIndex,
                            String code, String reason) implements OmitNulls {
    /** Every session frame's type starts with this; other frames on the socket are device events. */
    public static final String TYPE_PREFIX = "session.";

    /** cloud -> device: the browser's offer. */
    public static final String OFFER = "session.offer";
    /** device -> cloud: the device's answer to an offer. */
    public static final String ANSWER = "session.answer";
    /** both ways: one trickled ICE candidate. */
    public static final String ICE = "session.ice";
    /** cloud -> device: end this session. */
    public static final String CLOSE = "session.close";
    /** device -> cloud: the device ended (or refused) this session. */
    public static final String CLOSED = "session.closed";

    /** The remote shell: a pty on the device behind one data channel, see {@link ShellChannel}. */
    public static final String KIND_SHELL = "shell";

    public static final String POLICY_ALL = "all";
    public static final String POLICY_RELAY = "relay";

    /** True when a frame of this type is a session frame (and not a device event). */
    public static boolean isSessionType(String type) {
        return type != null && type.startsWith(TYPE_PREFIX);
    }

    public static SessionSignal offer(String sessionId, String kind, String sdp, List<IceServer> iceServers,
                                      String iceTransportPolicy) {
        return new SessionSignal(OFFER, sessionId, kind, sdp, iceServers, iceTransportPolicy, null, null, null, null,
                null);
    }

    public static SessionSignal answer(String sessionId, String sdp) {
        return new SessionSignal(ANSWER, sessionId, null, sdp, null, null, null, null, null, null, null);
    }

    public static SessionSignal ice(String sessionId, String candidate, String sdpMid, Integer sdpMlineIndex) {
        return new SessionSignal(ICE, sessionId, null, null, null, null, candidate, sdpMid, sdpMlineIndex, null,
                null);
    }

    public static SessionSignal close(String sessionId) {
        return new SessionSignal(CLOSE, sessionId, null, null, null, null, null, null, null, null, null);
    }

    public static SessionSignal closed(String sessionId, SessionEndCode code, String reason) {
        return new SessionSignal(CLOSED, sessionId, null, null, null, null, null, null, null, code.wire(), reason);
    }

    /** For logs: the SDP (ICE password) and TURN credentials are left out. */
    @Override
    public String toString() {
        return "SessionSignal[" + type + " " + sessionId + (kind == null ? "" : " kind=" + kind)
                + (sdp == null ? "" : " sdp=" + sdp.length() + " chars")
                + (iceServers == null ? "" : " ice_servers=" + iceServers.size())
                + (code == null ? "" : " code=" + code) + "]";
    }
}
