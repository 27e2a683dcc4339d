package org.openrpiconnect.protocol.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openrpiconnect.protocol.json.WireEnum;

/** Why a device ended or refused a session: the {@code code} of {@code session.closed}. */
public enum SessionEndCode implements WireEnum {
    /** Refused: the user turned remote shell access off ({@code rpi-connect shell off}). */
    SHELL_DISALLOWED("shell_disallowed"),
    /** Refused: the device already has as many sessions as its configuration allows. */
    SESSION_LIMIT("session_limit"),
    /** Refused: the offer lacks a field, has one out of bounds, or its SDP cannot be used. */
    MALFORMED_OFFER("malformed_offer"),
    /** Refused: a kind of session this device does not offer. */
    UNSUPPORTED_KIND("unsupported_kind"),
    /** A frame named a session the device does not know (never opened, or already ended). */
    UNKNOWN_SESSION("unknown_session"),
    /** More candidates than {@link SessionLimits#MAX_REMOTE_CANDIDATES}, or an unreadable one. */
    BAD_CANDIDATE("bad_candidate"),
    /** The browser sent a data channel message that is too large, garbled, or on an unexpected channel. */
    PROTOCOL_ERROR("protocol_error"),
    /** No open data channel within {@link SessionLimits#CONNECT_TIMEOUT_SECONDS}. */
    TIMEOUT("timeout"),
    /** The peer connection failed (ICE or DTLS) or stayed disconnected. */
    CONNECTION_FAILED("connection_failed"),
    /** The browser closed the data channel or the peer connection. */
    PEER_CLOSED("peer_closed"),
    /** The cloud asked with {@code session.close}. */
    CLOSED_BY_CLOUD("closed_by_cloud"),
    /** The shell exited (the user typed exit); the exit status went to the browser first. */
    SHELL_EXITED("shell_exited"),
    /** The device is signing out or shutting down. */
    DEVICE_STOPPING("device_stopping"),
    /** Something failed on the device (e.g. the shell could not start); the reason says what. */
    INTERNAL("internal");

    private final String wire;

    SessionEndCode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static SessionEndCode fromWire(String s) {
        for (SessionEndCode c : values()) {
            if (c.wire.equals(s)) return c;
        }
        return INTERNAL;
    }
}
