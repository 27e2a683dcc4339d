package org.openrpiconnect.cloud.web;

import io.javalin.Javalin;
import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.web.device.DeviceRoutes;
import org.openrpiconnect.cloud.web.device.EventPump;
import org.openrpiconnect.cloud.web.device.EventSockets;
import org.openrpiconnect.cloud.web.device.RequestVerifier;
import org.openrpiconnect.cloud.web.mgmt.ManagementRoutes;
import org.openrpiconnect.cloud.web.pages.AccountPages;
import org.openrpiconnect.cloud.web.pages.Csrf;
import org.openrpiconnect.cloud.web.pages.DevicePages;
import org.openrpiconnect.cloud.web.pages.SettingsPages;
import org.openrpiconnect.cloud.web.pages.VerifyPages;
import org.openrpiconnect.cloud.web.pages.WebSessions;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The HTTP server: device API + event sockets, Management API, pages; plus the event pump and housekeeping. */
public final class CloudServer implements AutoCloseable {
    static final Duration WEBSOCKET_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final Cloud cloud;
    private final Javalin app;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "cloud-background");
        t.setDaemon(true);
        return t;
    });

    public CloudServer(Cloud cloud) {
        this.cloud = cloud;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.fileRenderer(new PebbleRenderer());
            config.jetty.modifyWebSocketServletFactory(f -> f.setIdleTimeout(WEBSOCKET_IDLE_TIMEOUT));
        });
        EventSockets sockets = new EventSockets();
        ErrorHandling.register(app);
        new DeviceRoutes(cloud.linking, cloud.devices, new RequestVerifier(cloud.devices, cloud.clock), sockets,
                cloud.clock).register(app);
        new ManagementRoutes(cloud.apiTokens, cloud.authKeys).register(app);
        WebSessions sessions = new WebSessions(cloud);
        Csrf csrf = new Csrf();
        new AccountPages(cloud, sessions, csrf).register(app);
        new DevicePages(cloud, sessions, csrf).register(app);
        new VerifyPages(cloud, sessions, csrf).register(app);
        new SettingsPages(cloud, sessions, csrf).register(app);
        scheduler.scheduleWithFixedDelay(new EventPump(cloud.db, cloud.deviceEventStore, sockets, cloud.clock),
                EventPump.POLL_INTERVAL_MS, EventPump.POLL_INTERVAL_MS, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(new Housekeeping(cloud), 1, 60, TimeUnit.SECONDS);
    }

    /** Starts listening; port 0 picks a free one. Returns the port. */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    public int port() {
        return app.port();
    }

    public Cloud cloud() {
        return cloud;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        app.stop();
    }
}
