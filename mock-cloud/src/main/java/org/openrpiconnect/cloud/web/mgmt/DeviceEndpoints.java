package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.Page;
import org.openrpiconnect.cloud.service.DeviceQueryParser;
import org.openrpiconnect.cloud.service.Devices;
import org.openrpiconnect.cloud.web.JsonReplies;

/** {@code GET /organisation/devices} (page, per_page, query) and {@code DELETE /organisation/devices/{id}}. */
final class DeviceEndpoints {
    static final String DEVICES = ManagementRoutes.PREFIX + "/devices";
    static final String DEVICE = DEVICES + "/{device_id}";

    private final Devices devices;
    private final ApiAccess access;

    DeviceEndpoints(Devices devices, ApiAccess access) {
        this.devices = devices;
        this.access = access;
    }

    void register(ApiRoutes routes) {
        routes.get(DEVICES, this::list);
        routes.delete(DEVICE, this::delete);
    }

    private void list(Context ctx) {
        Page<Device> page = devices.listForOrganisation(ApiAccess.organisationId(ctx),
                DeviceQueryParser.parse(ctx.queryParam("query")), Paging.request(ctx));
        JsonReplies.reply(ctx, HttpStatus.OK, Paging.body("devices", page.map(ApiBodies.DeviceBody::of)));
    }

    private void delete(Context ctx) {
        devices.removeFromOrganisation(ApiAccess.organisationId(ctx), ctx.pathParam("device_id"), access.actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
