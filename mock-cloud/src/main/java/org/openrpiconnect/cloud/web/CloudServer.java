package org.openrpiconnect.cloud.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.session.IceSettings;
import org.openrpiconnect.cloud.web.device.DeviceRoutes;
import org.openrpiconnect.cloud.web.device.EventPump;
import org.openrpiconnect.cloud.web.device.EventSockets;
import org.openrpiconnect.cloud.web.device.RequestVerifier;
import org.openrpiconnect.cloud.web.mgmt.ApiAccess;
import org.openrpiconnect.cloud.web.mgmt.ApiRoutes;
import org.openrpiconnect.cloud.web.mgmt.ManagementRoutes;
import org.openrpiconnect.cloud.web.pages.AccountPages;
import org.openrpiconnect.cloud.web.pages.Csrf;
import org.openrpiconnect.cloud.web.pages.DevicePages;
import org.openrpiconnect.cloud.web.pages.SettingsPages;
import org.openrpiconnect.cloud.web.pages.VerifyPages;
import org.openrpiconnect.cloud.web.pages.WebSessions;
import org.openrpiconnect.cloud.web.session.SessionFeature;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The HTTP server: device API + event sockets, Management API, pages; plus the event pump and housekeeping. */
public final class CloudServer implements AutoCloseable {
    static final Duration WEBSOCKET_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final Cloud cloud;
    private final Javalin app;
    private final ManagementRoutes management;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "cloud-background");
        t.setDaemon(true);
        return t;
    });

    public CloudServer(Cloud cloud) {
        this(cloud, ApiAccess.DEFAULT_RATE_LIMIT);
    }

    /** @param apiRateLimit Management API requests allowed per token per hour */
    public CloudServer(Cloud cloud, int apiRateLimit) {
        this(cloud, apiRateLimit, IceSettings.none());
    }

    /** @param ice the STUN/TURN servers handed to both peers of remote sessions */
    public CloudServer(Cloud cloud, int apiRateLimit, IceSettings ice) {
        this.cloud = cloud;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.fileRenderer(new PebbleRenderer());
            config.jetty.modifyWebSocketServletFactory(f -> f.setIdleTimeout(WEBSOCKET_IDLE_TIMEOUT));
            // the pages' ES modules, styles and vendored browser libraries (classpath static/)
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.mimeTypes.add("text/javascript", "mjs");
            });
        });
        EventSockets sockets = new EventSockets();
        ErrorHandling.register(app);
        new DeviceRoutes(cloud.linking, cloud.devices, cloud.deployments,
                new RequestVerifier(cloud.devices, cloud.clock), sockets, cloud.clock).register(app);
        this.management = new ManagementRoutes(cloud, new ApiAccess(cloud.apiTokens,
                new ClientCountry(ClientCountry.NONE), cloud.clock, apiRateLimit));
        management.register(app);
        WebSessions sessions = new WebSessions(cloud);
        Csrf csrf = new Csrf();
        new AccountPages(cloud, sessions, csrf).register(app);
        SessionFeature remoteSessions = new SessionFeature(cloud, ice, sockets);
        new DevicePages(cloud, sessions, csrf, remoteSessions.access()).register(app);
        new VerifyPages(cloud, sessions, csrf).register(app);
        new SettingsPages(cloud, sessions, csrf).register(app);
        remoteSessions.register(app, sessions, csrf, scheduler);
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

    /** The Management API routes this server answers (the OpenAPI document must list exactly these). */
    public List<ApiRoutes.Route> managementRoutes() {
        return management.routes();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        app.stop();
    }
}
