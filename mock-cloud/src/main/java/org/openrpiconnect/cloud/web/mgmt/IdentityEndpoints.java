package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.PublicUrl;
import org.openrpiconnect.cloud.model.DeviceIdentity;
import org.openrpiconnect.cloud.service.DeviceIdentities;
import org.openrpiconnect.cloud.web.JsonReplies;

import java.util.Objects;

/** Device identities: list, create (signed), show, update, delete. */
final class IdentityEndpoints {
    static final String IDENTITIES = ManagementRoutes.PREFIX + "/device-identities";
    static final String IDENTITY = IDENTITIES + "/{device_identity_id}";

    private final DeviceIdentities identities;
    private final ApiAccess access;
    private final PublicUrl publicUrl;

    IdentityEndpoints(DeviceIdentities identities, ApiAccess access, PublicUrl publicUrl) {
        this.identities = identities;
        this.access = access;
        this.publicUrl = publicUrl;
    }

    void register(ApiRoutes routes) {
        routes.get(IDENTITIES, this::list);
        routes.post(IDENTITIES, this::create);
        routes.get(IDENTITY, this::show);
        routes.patch(IDENTITY, this::update);
        routes.delete(IDENTITY, this::delete);
    }

    private void list(Context ctx) {
        var page = identities.list(ApiAccess.organisationId(ctx), Paging.request(ctx));
        JsonReplies.reply(ctx, HttpStatus.OK, Paging.body("device_identities", page.map(ApiBodies.IdentityBody::of)));
    }

    private void create(Context ctx) {
        RequestFields f = RequestFields.of(ctx);
        DeviceIdentity created = identities.create(ApiAccess.organisationId(ctx),
                new DeviceIdentities.NewIdentity(f.text("public_key"), f.text("description"), f.text("device_name"),
                        f.list("tags")),
                key -> IdentitySignature.check(ctx, key, publicUrl), access.actor(ctx));
        JsonReplies.reply(ctx, HttpStatus.CREATED, ApiBodies.CreatedIdentity.of(created));
    }

    private void show(Context ctx) {
        DeviceIdentity i = identities.show(ApiAccess.organisationId(ctx), ctx.pathParam("device_identity_id"));
        JsonReplies.reply(ctx, HttpStatus.OK, ApiBodies.IdentityBody.of(i));
    }

    private void update(Context ctx) {
        RequestFields f = RequestFields.of(ctx);
        // a description sent as null is a blank one (refused); one not sent stays as it is
        String description = f.has("description") ? Objects.requireNonNullElse(f.text("description"), "") : null;
        DeviceIdentities.Changes changes = new DeviceIdentities.Changes(description, f.has("device_name"),
                f.text("device_name"), f.list("tags"));
        DeviceIdentity i = identities.update(ApiAccess.organisationId(ctx), ctx.pathParam("device_identity_id"),
                changes, access.actor(ctx));
        JsonReplies.reply(ctx, HttpStatus.OK, ApiBodies.IdentityBody.of(i));
    }

    private void delete(Context ctx) {
        identities.delete(ApiAccess.organisationId(ctx), ctx.pathParam("device_identity_id"), access.actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
