package org.openrpiconnect.daemon.state;

/**
 * What {@code state.json} holds about the link with the cloud. The private key lives apart, in
 * {@code device-key.pem}.
 *
 * @param serial   the board serial number at link time (a different board later means the SD card moved)
 * @param cloudUrl the cloud the device was linked with
 * @param linkedAt ISO-8601 instant of the link
 */
public record DeviceState(String deviceId, String deviceName, String serial, String cloudUrl, String linkedAt) {
    public DeviceState withName(String name) {
        return new DeviceState(deviceId, name, serial, cloudUrl, linkedAt);
    }
}
