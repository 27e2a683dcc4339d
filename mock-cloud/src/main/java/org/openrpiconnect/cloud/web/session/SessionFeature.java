package org.openrpiconnect.cloud.web.session;

import io.javalin.Javalin;
import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.session.DeviceAccess;
import org.openrpiconnect.cloud.session.DeviceFrames;
import org.openrpiconnect.cloud.session.DeviceLine;
import org.openrpiconnect.cloud.session.DeviceSettingsReports;
import org.openrpiconnect.cloud.session.IceServers;
import org.openrpiconnect.cloud.session.IceSettings;
import org.openrpiconnect.cloud.session.SessionRelay;
import org.openrpiconnect.cloud.web.device.EventSockets;
import org.openrpiconnect.cloud.web.device.RequestVerifier;
import org.openrpiconnect.cloud.web.pages.Csrf;
import org.openrpiconnect.cloud.web.pages.WebSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Remote sessions wired into the server: the devices' frames from their event sockets to the relay, the browser's
 * signalling socket, the shell page, the devices' ICE server list (doctor), and the relay's sweep.
 */
public final class SessionFeature {
    private static final Logger LOG = LoggerFactory.getLogger(SessionFeature.class);
    static final long SWEEP_SECONDS = 5;

    private final Cloud cloud;
    private final IceSettings ice;
    private final IceServers iceServers;
    private final SessionRelay relay;
    private final DeviceAccess.Source access;

    public SessionFeature(Cloud cloud, IceSettings ice, EventSockets sockets) {
        this.cloud = cloud;
        this.ice = ice;
        DeviceSettingsReports reports = new DeviceSettingsReports();
        this.iceServers = new IceServers(ice, cloud.clock);
        this.relay = new SessionRelay(new DeviceLine() {
            @Override
            public boolean connected(String deviceId) {
                return sockets.count(deviceId) > 0;
            }

            @Override
            public boolean send(String deviceId, String text) {
                return sockets.sendToDevice(deviceId, text);
            }
        }, iceServers, cloud.clock);
        this.access = DeviceAccess.from(reports, relay);
        DeviceFrames frames = new DeviceFrames(relay, reports);
        sockets.listen(new EventSockets.Listener() {
            @Override
            public void onFrame(String deviceId, String text) {
                frames.onFrame(deviceId, text);
            }

            @Override
            public void onLastSocketClosed(String deviceId) {
                relay.deviceDisconnected(deviceId);
            }
        });
    }

    /** What the dashboard shows per device: allowed methods, active sessions. */
    public DeviceAccess.Source access() {
        return access;
    }

    public void register(Javalin app, WebSessions webSessions, Csrf csrf, ScheduledExecutorService scheduler) {
        new SessionSocket(cloud, webSessions, csrf, relay).register(app);
        new ShellPages(cloud, webSessions, access).register(app);
        new DeviceIceServersRoute(new RequestVerifier(cloud.devices, cloud.clock), iceServers).register(app);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                relay.sweep();
            } catch (RuntimeException e) {
                LOG.warn("sweeping remote sessions failed (will retry): {}", e.toString());
            }
        }, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        LOG.info("remote sessions: {}", ice);
    }
}
