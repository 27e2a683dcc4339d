package org.openrpiconnect.daemon.service;

import org.openrpiconnect.daemon.link.DeviceLink;
import org.openrpiconnect.protocol.device.DeviceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the cloud which remote access methods this device allows ({@link DeviceStatus}), so the dashboard crosses
 * out what is off: on each new event connection and after each change of a setting.
 */
public final class SettingsReport {
    private static final Logger log = LoggerFactory.getLogger(SettingsReport.class);

    private final DeviceLink link;
    private final Services services;

    public SettingsReport(DeviceLink link, Services services) {
        this.link = link;
        this.services = services;
    }

    /** Sends the current settings; when the event socket is down, the next connection sends them. */
    public void send() {
        DeviceStatus status = DeviceStatus.of(services.allowed(Service.SHELL), services.allowed(Service.VNC));
        if (!link.sendFrame(status)) log.debug("Settings not reported now: the event connection is down");
    }
}
