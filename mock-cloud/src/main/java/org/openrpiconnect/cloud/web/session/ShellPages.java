package org.openrpiconnect.cloud.web.session;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.session.DeviceAccess;
import org.openrpiconnect.cloud.web.JsonReplies;
import org.openrpiconnect.cloud.web.pages.WebSessions;

import java.util.HashMap;
import java.util.Map;

/**
 * The remote shell page ({@code /devices/{id}/shell}, {@code ?relay=1} for relay-only ICE) and the dashboard's live
 * view of every visible device's access ({@code /dashboard/access}, JSON, polled by the dashboard).
 */
public final class ShellPages {
    private final Cloud cloud;
    private final WebSessions sessions;
    private final DeviceAccess.Source access;

    public ShellPages(Cloud cloud, WebSessions sessions, DeviceAccess.Source access) {
        this.cloud = cloud;
        this.sessions = sessions;
        this.access = access;
    }

    public void register(Javalin app) {
        app.get("/devices/{id}/shell", this::shell);
        app.get("/dashboard/access", this::dashboardAccess);
    }

    private void shell(Context ctx) {
        User user = sessions.require(ctx);
        Device d = cloud.devices.requireVisible(ctx.pathParam("id"), user.id());
        Map<String, Object> model = new HashMap<>();
        model.put("deviceId", d.id());
        model.put("deviceName", d.name());
        model.put("relayOnly", "1".equals(ctx.queryParam("relay")));
        model.put("socketPath", SessionSocket.PATH);
        ctx.status(HttpStatus.OK);
        ctx.render("shell.peb", model);
    }

    private void dashboardAccess(Context ctx) {
        User user = sessions.require(ctx);
        JsonReplies.reply(ctx, HttpStatus.OK, cloud.devices.visibleTo(user.id()).stream()
                .map(d -> access.of(d.id())).toList());
    }
}
