package org.openrpiconnect.protocol.device;

/**
 * One event frame on the device's WebSocket: {@code {"type":"...", ...}}. Fields not used by a type are null.
 * Types now: {@link #HELLO} (first frame after the upgrade, carries {@code name}), {@link #RENAMED}
 * (carries the new {@code name}), {@link #REMOVED} (the device was removed in the cloud; the socket closes with
 * {@link DeviceApi#CLOSE_SIGNED_OUT}), {@link #DEPLOYMENTS_CHANGED} (the device's open deployments changed: fetch
 * {@link DeviceApi#DEPLOYMENTS}). Session signalling (offers, answers, candidates) travels on the same socket as {@link org.openrpiconnect.protocol.session.SessionSignal} frames.
 */
public record DeviceEvent(String type, String name, String reason) {
    public static final String HELLO = "hello";
    public static final String RENAMED = "device.renamed";
    public static final String REMOVED = "device.removed";
    public static final String DEPLOYMENTS_CHANGED = "deployments.changed";

    public static DeviceEvent hello(String name) {
        return new DeviceEvent(HELLO, name, null);
    }

    public static DeviceEvent renamed(String name) {
        return new DeviceEvent(RENAMED, name, null);
    }

    public static DeviceEvent removed(String reason) {
        return new DeviceEvent(REMOVED, null, reason);
    }

    public static DeviceEvent deploymentsChanged() {
        return new DeviceEvent(DEPLOYMENTS_CHANGED, null, null);
    }
}
