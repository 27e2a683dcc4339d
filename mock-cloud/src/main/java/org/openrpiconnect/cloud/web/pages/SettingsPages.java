package org.openrpiconnect.cloud.web.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.model.ApiToken;
import org.openrpiconnect.cloud.model.AuthKey;
import org.openrpiconnect.cloud.model.Issued;
import org.openrpiconnect.cloud.model.Membership;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.Owner;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.service.AuthKeyRequest;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.cloud.web.ErrorStatus;
import org.openrpiconnect.cloud.web.Times;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Personal settings ({@code /settings}: one personal auth key) and organisation settings
 * ({@code /organisations/{id}/settings}, administrators only: auth keys with device name and tags, API tokens).
 * New secrets are rendered straight into the response, once.
 */
public final class SettingsPages {
    private final Cloud cloud;
    private final WebSessions sessions;
    private final Csrf csrf;

    public SettingsPages(Cloud cloud, WebSessions sessions, Csrf csrf) {
        this.cloud = cloud;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    public void register(Javalin app) {
        app.get("/settings", ctx -> personal(ctx, HttpStatus.OK, new HashMap<>()));
        app.post("/settings/auth-keys", this::createPersonalKey);
        app.post("/settings/auth-keys/{keyId}/revoke", ctx -> {
            User user = sessions.require(ctx);
            csrf.check(ctx);
            cloud.authKeys.revoke(ctx.pathParam("keyId"), Owner.user(user.id()));
            ctx.redirect("/settings", HttpStatus.SEE_OTHER);
        });
        app.get("/organisations/{id}/settings", ctx -> organisation(ctx, HttpStatus.OK, new HashMap<>()));
        app.post("/organisations/{id}/auth-keys", this::createOrganisationKey);
        app.post("/organisations/{id}/auth-keys/{keyId}/revoke", ctx -> {
            Organisation org = requireAdministered(ctx);
            cloud.authKeys.revoke(ctx.pathParam("keyId"), Owner.organisation(org.id()));
            ctx.redirect(settingsPath(org), HttpStatus.SEE_OTHER);
        });
        app.post("/organisations/{id}/tokens", this::createToken);
        app.post("/organisations/{id}/tokens/{tokenId}/revoke", ctx -> {
            Organisation org = requireAdministered(ctx);
            cloud.apiTokens.revoke(ctx.pathParam("tokenId"), org.id());
            ctx.redirect(settingsPath(org), HttpStatus.SEE_OTHER);
        });
    }

    private void createPersonalKey(Context ctx) {
        User user = sessions.require(ctx);
        csrf.check(ctx);
        Map<String, Object> model = new HashMap<>();
        HttpStatus status = HttpStatus.OK;
        try {
            AuthKeyRequest request = new AuthKeyRequest(ctx.formParam("description"), ttlDays(ctx), null, List.of());
            Issued<AuthKey> issued = cloud.authKeys.createPersonal(user.id(), request, null);
            model.put("newAuthKey", new Views.NewAuthKeyView(issued.secret(), Times.iso(issued.item().expiresAt())));
        } catch (CloudError e) {
            status = ErrorStatus.of(e.kind());
            model.put("authKeyError", e.getMessage());
        }
        personal(ctx, status, model);
    }

    private void personal(Context ctx, HttpStatus status, Map<String, Object> model) {
        User user = sessions.require(ctx);
        long now = cloud.clock.millis();
        model.put("authKeyAction", "/settings/auth-keys");
        model.put("orgFields", false);
        model.put("authKeys", cloud.authKeys.list(Owner.user(user.id())).stream()
                .map(k -> Views.authKey(k, now)).toList());
        model.put("administered", cloud.organisations.membershipsOf(user.id()).stream()
                .filter(Membership::isAdministrator).toList());
        PageSupport.render(ctx, status, "settings.peb", model);
    }

    private void createOrganisationKey(Context ctx) {
        Organisation org = requireAdministered(ctx);
        Map<String, Object> model = new HashMap<>();
        HttpStatus status = HttpStatus.OK;
        try {
            String tags = ctx.formParam("tags") == null ? "" : ctx.formParam("tags");
            AuthKeyRequest request = new AuthKeyRequest(ctx.formParam("description"), ttlDays(ctx),
                    ctx.formParam("device_name"), Arrays.asList(tags.split(",")));
            Issued<AuthKey> issued = cloud.authKeys.createForOrganisation(org.id(), request, null);
            model.put("newAuthKey", new Views.NewAuthKeyView(issued.secret(), Times.iso(issued.item().expiresAt())));
        } catch (CloudError e) {
            status = ErrorStatus.of(e.kind());
            model.put("authKeyError", e.getMessage());
        }
        organisation(ctx, status, model);
    }

    private void createToken(Context ctx) {
        Organisation org = requireAdministered(ctx);
        Map<String, Object> model = new HashMap<>();
        HttpStatus status = HttpStatus.OK;
        try {
            Issued<ApiToken> issued = cloud.apiTokens.create(org, ctx.formParam("description"));
            model.put("newToken", issued.secret());
        } catch (CloudError e) {
            status = ErrorStatus.of(e.kind());
            model.put("tokenError", e.getMessage());
        }
        organisation(ctx, status, model);
    }

    private void organisation(Context ctx, HttpStatus status, Map<String, Object> model) {
        User user = sessions.require(ctx);
        Organisation org = cloud.organisations.requireAdministered(ctx.pathParam("id"), user.id());
        long now = cloud.clock.millis();
        model.put("organisation", org);
        model.put("trialEndsAt", Times.iso(org.trialEndsAt()));
        model.put("authKeyAction", "/organisations/" + org.id() + "/auth-keys");
        model.put("orgFields", true);
        model.put("authKeys", cloud.authKeys.list(Owner.organisation(org.id())).stream()
                .map(k -> Views.authKey(k, now)).toList());
        model.put("tokens", cloud.apiTokens.list(org.id()).stream().map(Views::token).toList());
        PageSupport.render(ctx, status, "organisation_settings.peb", model);
    }

    private Organisation requireAdministered(Context ctx) {
        User user = sessions.require(ctx);
        csrf.check(ctx);
        return cloud.organisations.requireAdministered(ctx.pathParam("id"), user.id());
    }

    private static String settingsPath(Organisation org) {
        return "/organisations/" + org.id() + "/settings";
    }

    private static Integer ttlDays(Context ctx) {
        String s = ctx.formParam("ttl_days");
        if (s == null || s.isBlank()) return null;
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw CloudError.validation(List.of("Ttl days is not a number"));
        }
    }
}
