package org.openrpiconnect.daemon;

import org.openrpiconnect.daemon.config.CloudEndpoint;
import org.openrpiconnect.daemon.link.DeviceLink;
import org.openrpiconnect.daemon.link.LinkSnapshot;
import org.openrpiconnect.daemon.service.Service;
import org.openrpiconnect.daemon.service.Services;
import org.openrpiconnect.protocol.local.StatusResult;

/** Puts together what {@code rpi-connect status} shows. */
public final class StatusReporter {
    private final DeviceLink link;
    private final Services services;
    private final Problems problems;
    private final CloudEndpoint cloud;

    public StatusReporter(DeviceLink link, Services services, Problems problems, CloudEndpoint cloud) {
        this.link = link;
        this.services = services;
        this.problems = problems;
        this.cloud = cloud;
    }

    public StatusResult status() {
        LinkSnapshot s = link.snapshot();
        return new StatusResult(s.signedIn(), s.subscribed(), services.status(Service.VNC),
                services.status(Service.SHELL), s.deviceName(), cloud.text(), s.signinPendingUrl(),
                problems.summary());
    }
}
