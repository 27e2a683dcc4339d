package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.model.AuthKey;
import org.openrpiconnect.cloud.model.Issued;
import org.openrpiconnect.cloud.service.AuthKeys;
import org.openrpiconnect.cloud.web.JsonReplies;
import org.openrpiconnect.cloud.web.Times;

/** {@code POST /organisation/auth-keys}. */
final class AuthKeyEndpoints {
    static final String AUTH_KEYS = ManagementRoutes.PREFIX + "/auth-keys";

    private final AuthKeys authKeys;
    private final ApiAccess access;

    AuthKeyEndpoints(AuthKeys authKeys, ApiAccess access) {
        this.authKeys = authKeys;
        this.access = access;
    }

    void register(ApiRoutes routes) {
        routes.post(AUTH_KEYS, this::create);
    }

    private void create(Context ctx) {
        Issued<AuthKey> issued = authKeys.createThroughApi(ApiAccess.organisationId(ctx),
                AuthKeyRequestParser.parse(ctx), access.actor(ctx));
        AuthKey k = issued.item();
        JsonReplies.reply(ctx, HttpStatus.CREATED, new ApiBodies.CreatedAuthKey(k.id(), k.description(),
                k.deviceName(), k.tags(), issued.secret(), Times.iso(k.expiresAt())));
    }
}
