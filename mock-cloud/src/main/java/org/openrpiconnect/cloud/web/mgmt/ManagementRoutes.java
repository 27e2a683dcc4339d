package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.model.ApiToken;
import org.openrpiconnect.cloud.model.AuthKey;
import org.openrpiconnect.cloud.model.Issued;
import org.openrpiconnect.cloud.service.ApiTokens;
import org.openrpiconnect.cloud.service.AuthKeys;
import org.openrpiconnect.cloud.web.JsonReplies;
import org.openrpiconnect.cloud.web.Times;

import java.util.List;

/** The Management API ({@code /organisation/...}, seed 001), authenticated by {@code rporg_} tokens. */
public final class ManagementRoutes {
    public static final String AUTH_KEYS = "/organisation/auth-keys";

    private final BearerToken bearer;
    private final AuthKeys authKeys;

    public ManagementRoutes(ApiTokens tokens, AuthKeys authKeys) {
        this.bearer = new BearerToken(tokens);
        this.authKeys = authKeys;
    }

    public void register(Javalin app) {
        app.post(AUTH_KEYS, this::createAuthKey);
    }

    /** The 201 body, fields in the documented order. */
    record CreatedAuthKey(String id, String description, String deviceName, List<String> tags, String secret,
                          String expiresAt) {}

    private void createAuthKey(Context ctx) {
        ApiToken token = bearer.authenticate(ctx);
        Issued<AuthKey> issued = authKeys.createForOrganisation(token.organisationId(),
                AuthKeyRequestParser.parse(ctx), null);
        AuthKey k = issued.item();
        JsonReplies.reply(ctx, HttpStatus.CREATED, new CreatedAuthKey(k.id(), k.description(), k.deviceName(),
                k.tags(), issued.secret(), Times.iso(k.expiresAt())));
    }
}
