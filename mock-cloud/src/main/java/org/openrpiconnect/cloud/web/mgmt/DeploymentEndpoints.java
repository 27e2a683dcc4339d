package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.model.Deployment;
import org.openrpiconnect.cloud.service.Deployments;
import org.openrpiconnect.cloud.web.JsonReplies;

/** Deployments: list and create per device (newest first), show, cancel. */
final class DeploymentEndpoints {
    static final String DEVICE_DEPLOYMENTS = DeviceEndpoints.DEVICE + "/deployments";
    static final String DEPLOYMENT = ManagementRoutes.PREFIX + "/deployments/{deployment_id}";
    static final String CANCEL = DEPLOYMENT + "/cancel";

    private final Deployments deployments;
    private final ApiAccess access;

    DeploymentEndpoints(Deployments deployments, ApiAccess access) {
        this.deployments = deployments;
        this.access = access;
    }

    void register(ApiRoutes routes) {
        routes.get(DEVICE_DEPLOYMENTS, this::list);
        routes.post(DEVICE_DEPLOYMENTS, this::create);
        routes.get(DEPLOYMENT, this::show);
        routes.put(CANCEL, this::cancel);
    }

    private void list(Context ctx) {
        var page = deployments.listForDevice(ApiAccess.organisationId(ctx), ctx.pathParam("device_id"),
                Paging.request(ctx));
        JsonReplies.reply(ctx, HttpStatus.OK, Paging.body("deployments", page.map(ApiBodies.DeploymentBody::of)));
    }

    private void create(Context ctx) {
        RequestFields f = RequestFields.of(ctx);
        Deployment d = deployments.create(ApiAccess.organisationId(ctx), ctx.pathParam("device_id"),
                f.text("artefact_id"), access.actor(ctx));
        JsonReplies.reply(ctx, HttpStatus.CREATED, ApiBodies.DeploymentBody.of(d));
    }

    private void show(Context ctx) {
        Deployment d = deployments.show(ApiAccess.organisationId(ctx), ctx.pathParam("deployment_id"));
        JsonReplies.reply(ctx, HttpStatus.OK, ApiBodies.DeploymentBody.of(d));
    }

    private void cancel(Context ctx) {
        Deployment d = deployments.cancel(ApiAccess.organisationId(ctx), ctx.pathParam("deployment_id"),
                access.actor(ctx));
        JsonReplies.reply(ctx, HttpStatus.OK, ApiBodies.DeploymentBody.of(d));
    }
}
