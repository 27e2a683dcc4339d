package org.openrpiconnect.cloud.session;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceStatus;
import org.openrpiconnect.protocol.json.JsonValue;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames a device sends on its event socket, dispatched on {@code type}: session frames to the {@link SessionRelay},
 * {@link DeviceStatus} to the {@link DeviceSettingsReports}. Anything else, or anything unreadable, is dropped with a
 * debug line: one device's garbage never ends its socket or reaches anyone else.
 */
public final class DeviceFrames {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceFrames.class);

    private final SessionRelay relay;
    private final DeviceSettingsReports settings;

    public DeviceFrames(SessionRelay relay, DeviceSettingsReports settings) {
        this.relay = relay;
        this.settings = settings;
    }

    public void onFrame(String deviceId, String text) {
        JsonValue frame;
        try {
            frame = Json.read(text, JsonValue.class);
        } catch (Json.MalformedJsonException e) {
            LOG.debug("device {}: dropped a frame that is not JSON", deviceId);
            return;
        }
        String type = frame.text("type");
        try {
            if (SessionSignal.isSessionType(type)) {
                SessionSignal signal = Json.read(frame, SessionSignal.class);
                relay.fromDevice(deviceId, signal);
                learnShellSetting(deviceId, signal);
            } else if (DeviceStatus.TYPE.equals(type)) {
                DeviceStatus status = Json.read(frame, DeviceStatus.class);
                settings.report(deviceId, status);
                LOG.info("device {}: reports shell {}, screen sharing {}", deviceId, word(status.shellAllowed()),
                        word(status.vncAllowed()));
            } else {
                LOG.debug("device {}: dropped a frame of type {}", deviceId, type);
            }
        } catch (Json.MalformedJsonException | IllegalArgumentException e) {
            LOG.debug("device {}: dropped an unreadable {} frame", deviceId, type);
        }
    }

    /**
     * A refusal because the shell is off, or an answer, also says what the device allows: the dashboard learns it
     * even from a device that does not send {@link DeviceStatus}.
     */
    private void learnShellSetting(String deviceId, SessionSignal signal) {
        if (SessionSignal.CLOSED.equals(signal.type())
                && SessionEndCode.SHELL_DISALLOWED.wire().equals(signal.code())) {
            settings.report(deviceId, new DeviceStatus(DeviceStatus.TYPE, false, null));
        } else if (SessionSignal.ANSWER.equals(signal.type())) {
            settings.report(deviceId, new DeviceStatus(DeviceStatus.TYPE, true, null));
        }
    }

    private static String word(Boolean allowed) {
        return allowed == null ? "unchanged" : allowed ? "allowed" : "disallowed";
    }
}
