package org.openrpiconnect.cloud.model;

import org.openrpiconnect.protocol.device.DeviceFacts;

/** A device-code sign-in in progress: what the device reported, and the device once a user completed it. */
public record DeviceCode(String id, DeviceFacts facts, String status, String deviceId, long createdAt,
                         long expiresAt) {
    public static final String PENDING = "pending";
    public static final String COMPLETE = "complete";

    public boolean expiredAt(long nowMillis) {
        return expiresAt <= nowMillis;
    }

    public boolean complete() {
        return COMPLETE.equals(status);
    }
}
