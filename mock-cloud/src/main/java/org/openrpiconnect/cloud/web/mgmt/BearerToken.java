package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.http.Context;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.service.ApiTokens;
import org.openrpiconnect.cloud.service.CloudError;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Authenticates a Management API call by its {@code Authorization: Bearer rporg_...} header. A missing, unknown,
 * wrong or revoked token all get the same answer. A token in the URL is refused outright: URLs end up in logs and
 * histories.
 */
public final class BearerToken {
    static final String INVALID = "Invalid or missing management API access token: send a valid token in the"
            + " Authorization header as Bearer rporg_...";
    static final String IN_URL = "Never put a management API access token in the URL: send it in the Authorization"
            + " header as Bearer rporg_..., and revoke this token, since URLs end up in logs";
    private static final List<String> TOKEN_PARAMETERS = List.of("access_token", "token", "api_token", "authorization");

    private final ApiTokens tokens;

    public BearerToken(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The token and this call's count in its rate window; a 401 otherwise. */
    public ApiTokens.Use authenticate(Context ctx) {
        if (tokenInQuery(ctx)) throw CloudError.unauthorized(IN_URL);
        String header = ctx.header("Authorization");
        if (header == null) throw CloudError.unauthorized(INVALID);
        String h = header.strip();
        if (h.length() < 7 || !h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw CloudError.unauthorized(INVALID);
        }
        return tokens.authenticate(h.substring(7).strip()).orElseThrow(() -> CloudError.unauthorized(INVALID));
    }

    private static boolean tokenInQuery(Context ctx) {
        String query = ctx.queryString();
        if (query == null || query.isEmpty()) return false;
        if (query.contains(Secrets.API_TOKEN_PREFIX)) return true;
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (TOKEN_PARAMETERS.contains(e.getKey().toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }
}
