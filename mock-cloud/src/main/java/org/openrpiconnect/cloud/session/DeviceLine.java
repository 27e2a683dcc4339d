package org.openrpiconnect.cloud.session;

/** The devices' event sockets on this cloud instance, as the relay uses them. */
public interface DeviceLine {
    /** True when the device has an open event socket here. */
    boolean connected(String deviceId);

    /** Sends one text frame on the device's newest event socket; false when it has none. */
    boolean send(String deviceId, String text);
}
