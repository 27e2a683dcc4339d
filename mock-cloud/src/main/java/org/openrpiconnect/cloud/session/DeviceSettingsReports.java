package org.openrpiconnect.cloud.session;

import org.openrpiconnect.protocol.device.DeviceStatus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each device last reported it allows ({@link DeviceStatus} frames on its event socket), in memory: a device
 * reports again each time its socket opens, so a restarted cloud learns it anew. A device that never reported is
 * taken to allow both (older daemons do not send the frame).
 */
public final class DeviceSettingsReports {
    public record Allowed(boolean shell, boolean vnc) {
        static final Allowed UNKNOWN = new Allowed(true, true);
    }

    private final Map<String, Allowed> byDevice = new ConcurrentHashMap<>();

    public void report(String deviceId, DeviceStatus status) {
        byDevice.compute(deviceId, (id, old) -> {
            Allowed base = old == null ? Allowed.UNKNOWN : old;
            return new Allowed(status.shellAllowed() == null ? base.shell() : status.shellAllowed(),
                    status.vncAllowed() == null ? base.vnc() : status.vncAllowed());
        });
    }

    public Allowed of(String deviceId) {
        return byDevice.getOrDefault(deviceId, Allowed.UNKNOWN);
    }
}
