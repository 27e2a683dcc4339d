package org.openrpiconnect.protocol.device;

import org.openrpiconnect.protocol.json.OmitNulls;

/**
 * device -&gt; cloud on the event socket ({@link DeviceApi#EVENTS}): which remote access methods the device allows,
 * {@code {"type":"device.status","shell_allowed":true,"vnc_allowed":false}}. The device sends it right after the
 * socket opens (after the cloud's hello) and again whenever the user changes a setting ({@code rpi-connect shell
 * on|off}, {@code vnc on|off}). The dashboard shows a disallowed method's badge and menu entry crossed out. A device
 * that never sends it is shown as allowing both. Receivers ignore fields they do not know.
 *
 * @param type         always {@value #TYPE}
 * @param shellAllowed remote shell allowed ({@code rpi-connect shell on})
 * @param vncAllowed   screen sharing allowed ({@code rpi-connect vnc on})
 */
public record DeviceStatus(String type, Boolean shellAllowed, Boolean vncAllowed) implements OmitNulls {
    public static final String TYPE = "device.status";

    public static DeviceStatus of(boolean shellAllowed, boolean vncAllowed) {
        return new DeviceStatus(TYPE, shellAllowed, vncAllowed);
    }
}
