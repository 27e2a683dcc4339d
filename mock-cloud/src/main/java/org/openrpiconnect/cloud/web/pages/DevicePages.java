package org.openrpiconnect.cloud.web.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.Membership;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.cloud.session.DeviceAccess;
import org.openrpiconnect.cloud.web.ErrorStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The dashboard (device list), a device's page (rename, remove) and the outbox. */
public final class DevicePages {
    private final Cloud cloud;
    private final WebSessions sessions;
    private final Csrf csrf;
    private final DeviceAccess.Source access;

    public DevicePages(Cloud cloud, WebSessions sessions, Csrf csrf) {
        this(cloud, sessions, csrf, DeviceAccess.Source.NONE);
    }

    /** @param access per device: allowed remote access methods and active sessions (badges, green dot) */
    public DevicePages(Cloud cloud, WebSessions sessions, Csrf csrf, DeviceAccess.Source access) {
        this.cloud = cloud;
        this.sessions = sessions;
        this.csrf = csrf;
        this.access = access;
    }

    public void register(Javalin app) {
        app.get("/", this::dashboard);
        app.get("/devices/{id}", ctx -> showDevice(ctx, HttpStatus.OK, null));
        app.post("/devices/{id}/rename", this::rename);
        app.post("/devices/{id}/remove", this::remove);
        app.get("/outbox", this::outbox);
    }

    private void dashboard(Context ctx) {
        User user = sessions.require(ctx);
        List<Membership> memberships = cloud.organisations.membershipsOf(user.id());
        Map<String, String> orgNames = memberships.stream()
                .collect(Collectors.toMap(m -> m.organisation().id(), m -> m.organisation().name()));
        Function<Device, String> label = d -> d.owner().isUser() ? "Personal" : orgNames.getOrDefault(d.owner().id(),
                "Organisation");
        Map<String, Object> model = new HashMap<>();
        List<Device> visible = cloud.devices.visibleTo(user.id());
        model.put("devices", visible.stream().map(d -> Views.device(d, label.apply(d))).toList());
        model.put("access", visible.stream().collect(Collectors.toMap(Device::id, d -> access.of(d.id()))));
        model.put("organisations", memberships);
        PageSupport.render(ctx, HttpStatus.OK, "dashboard.peb", model);
    }

    private void showDevice(Context ctx, HttpStatus status, String error) {
        User user = sessions.require(ctx);
        Device d = cloud.devices.requireVisible(ctx.pathParam("id"), user.id());
        Map<String, Object> model = new HashMap<>();
        model.put("device", Views.device(d, ownerLabel(d)));
        model.put("canManage", cloud.devices.canManage(d, user.id()));
        if (error != null) model.put("error", error);
        PageSupport.render(ctx, status, "device.peb", model);
    }

    private void rename(Context ctx) {
        Device d = requireManaged(ctx);
        try {
            cloud.devices.rename(d.id(), ctx.formParam("name"));
        } catch (CloudError e) {
            showDevice(ctx, ErrorStatus.of(e.kind()), e.getMessage());
            return;
        }
        ctx.redirect("/devices/" + d.id(), HttpStatus.SEE_OTHER);
    }

    private void remove(Context ctx) {
        Device d = requireManaged(ctx);
        cloud.devices.remove(d.id());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private Device requireManaged(Context ctx) {
        User user = sessions.require(ctx);
        csrf.check(ctx);
        Device d = cloud.devices.requireVisible(ctx.pathParam("id"), user.id());
        if (!cloud.devices.canManage(d, user.id())) {
            throw CloudError.forbidden("Only administrators of the organisation can change this device: ask one of"
                    + " them");
        }
        return d;
    }

    private void outbox(Context ctx) {
        User user = sessions.require(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("mails", cloud.db.read(c -> cloud.outboxStore.listForRecipient(c, user.email())).stream()
                .map(Views::mail).toList());
        PageSupport.render(ctx, HttpStatus.OK, "outbox.peb", model);
    }

    private String ownerLabel(Device d) {
        if (d.owner().isUser()) return "Personal";
        return cloud.organisations.findById(d.owner().id()).map(Organisation::name).orElse("Organisation");
    }
}
