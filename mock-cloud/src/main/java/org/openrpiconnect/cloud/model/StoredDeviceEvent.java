package org.openrpiconnect.cloud.model;

/** A row of the device_events table: {@code payload} is the DeviceEvent JSON to push, when there is one. */
public record StoredDeviceEvent(String id, String deviceId, String type, String payload, long createdAt) {
    /** Internal type: the device signed out; its sockets are closed without a message. */
    public static final String SIGNED_OUT = "device.signed_out";
}
