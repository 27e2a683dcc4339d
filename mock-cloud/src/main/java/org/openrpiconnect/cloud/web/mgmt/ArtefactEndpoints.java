package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.model.Artefact;
import org.openrpiconnect.cloud.service.Artefacts;
import org.openrpiconnect.cloud.web.JsonReplies;

/** Artefacts: list, create, delete. */
final class ArtefactEndpoints {
    static final String ARTEFACTS = ManagementRoutes.PREFIX + "/artefacts";
    static final String ARTEFACT = ARTEFACTS + "/{artefact_id}";

    private final Artefacts artefacts;
    private final ApiAccess access;

    ArtefactEndpoints(Artefacts artefacts, ApiAccess access) {
        this.artefacts = artefacts;
        this.access = access;
    }

    void register(ApiRoutes routes) {
        routes.get(ARTEFACTS, this::list);
        routes.post(ARTEFACTS, this::create);
        routes.delete(ARTEFACT, this::delete);
    }

    private void list(Context ctx) {
        var page = artefacts.list(ApiAccess.organisationId(ctx), Paging.request(ctx));
        JsonReplies.reply(ctx, HttpStatus.OK, Paging.body("artefacts", page.map(ApiBodies.ArtefactBody::of)));
    }

    private void create(Context ctx) {
        RequestFields f = RequestFields.of(ctx);
        Artefact a = artefacts.create(ApiAccess.organisationId(ctx), f.text("name"), f.text("uri"),
                f.text("checksum"), access.actor(ctx));
        JsonReplies.reply(ctx, HttpStatus.CREATED, ApiBodies.ArtefactBody.of(a));
    }

    private void delete(Context ctx) {
        artefacts.delete(ApiAccess.organisationId(ctx), ctx.pathParam("artefact_id"), access.actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
