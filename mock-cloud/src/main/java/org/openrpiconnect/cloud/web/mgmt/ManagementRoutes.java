package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.Javalin;
import org.openrpiconnect.cloud.Cloud;

import java.util.List;

/**
 * The Management API ({@code /organisation/...}, seed 001): every call is checked by {@link ApiAccess} first (token,
 * rate limit); the token acts as an administrator of its own organisation only, so everything another
 * organisation owns is "not found".
 */
public final class ManagementRoutes {
    public static final String PREFIX = "/organisation";
    public static final String AUTH_KEYS = AuthKeyEndpoints.AUTH_KEYS;
    public static final String OPENAPI = OpenApiDocument.PATH;

    private final Cloud cloud;
    private final ApiAccess access;
    private List<ApiRoutes.Route> routes = List.of();

    public ManagementRoutes(Cloud cloud, ApiAccess access) {
        this.cloud = cloud;
        this.access = access;
    }

    public void register(Javalin app) {
        app.before(PREFIX + "/*", ctx -> {
            if (!ctx.path().equals(OPENAPI)) access.check(ctx);
        });
        ApiRoutes r = new ApiRoutes(app);
        new AuthKeyEndpoints(cloud.authKeys, access).register(r);
        new DeviceEndpoints(cloud.devices, access).register(r);
        new IdentityEndpoints(cloud.deviceIdentities, access, cloud.publicUrl).register(r);
        new ArtefactEndpoints(cloud.artefacts, access).register(r);
        new DeploymentEndpoints(cloud.deployments, access).register(r);
        app.get(OPENAPI, OpenApiDocument::serve);
        routes = r.routes();
    }

    /** Every authenticated route registered, for checking the OpenAPI document against. */
    public List<ApiRoutes.Route> routes() {
        return routes;
    }
}
