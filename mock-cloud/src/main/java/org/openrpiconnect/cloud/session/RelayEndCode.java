package org.openrpiconnect.cloud.session;

import org.openrpiconnect.protocol.session.SessionEndCode;

/**
 * Why the cloud (not the device) ended or refused a session: the {@code code} of the {@code session.closed} frame
 * the browser gets. The device's own reasons ({@link SessionEndCode}) reach the browser unchanged.
 */
public enum RelayEndCode {
    /** The device has no event socket on this cloud (off, offline, signed out). */
    DEVICE_OFFLINE("device_offline"),
    /** Relay-only was asked for, and this cloud has no TURN server configured. */
    RELAY_UNAVAILABLE("relay_unavailable"),
    /** Too many sessions of this device are being set up at once. */
    BUSY("busy"),
    /** The browser sent something that is not a signalling frame, or too many of them. */
    PROTOCOL_ERROR(SessionEndCode.PROTOCOL_ERROR.wire()),
    /** No offer from the browser, or no answer from the device, in time. */
    TIMEOUT(SessionEndCode.TIMEOUT.wire());

    private final String wire;

    RelayEndCode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
