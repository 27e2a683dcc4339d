package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.http.Context;
import org.openrpiconnect.cloud.model.Actor;
import org.openrpiconnect.cloud.model.ApiToken;
import org.openrpiconnect.cloud.service.ApiTokens;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.cloud.web.ClientCountry;

import java.time.Clock;

/**
 * Runs before every Management API call: authenticates the token ({@link BearerToken}) and applies the rate limit,
 * {@link #limit} calls per token per hour, shown in {@code X-Rate-Limit-Limit}, {@code X-Rate-Limit-Remaining} and
 * {@code X-Rate-Limit-Reset} (Unix seconds when the window ends); beyond it, 429 with {@code Retry-After}. The
 * token is then the caller: an administrator of its own organisation only.
 */
public final class ApiAccess {
    public static final int DEFAULT_RATE_LIMIT = 5000;
    private static final String CALLER = "connect.api-token";

    private final BearerToken bearer;
    private final ClientCountry country;
    private final Clock clock;
    private final int limit;

    public ApiAccess(ApiTokens tokens, ClientCountry country, Clock clock, int limit) {
        if (limit < 1) throw new IllegalArgumentException("the API rate limit must be at least 1 request per hour");
        this.bearer = new BearerToken(tokens);
        this.country = country;
        this.clock = clock;
        this.limit = limit;
    }

    public void check(Context ctx) {
        ApiTokens.Use use = bearer.authenticate(ctx);
        long resetSeconds = (use.windowEnd() + 999) / 1000;
        ctx.header("X-Rate-Limit-Limit", Integer.toString(limit));
        ctx.header("X-Rate-Limit-Remaining", Integer.toString(Math.max(0, limit - use.count())));
        ctx.header("X-Rate-Limit-Reset", Long.toString(resetSeconds));
        if (use.count() > limit) {
            long retryAfter = Math.max(1, (use.windowEnd() - clock.millis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(retryAfter));
            throw CloudError.rateLimited("Rate limit exceeded: at most " + limit + " requests per hour per access"
                    + " token. Try again in " + retryAfter + " seconds");
        }
        ctx.attribute(CALLER, use.token());
    }

    /** The authenticated token of this call (set by {@link #check}). */
    static ApiToken token(Context ctx) {
        ApiToken token = ctx.attribute(CALLER);
        if (token == null) throw new IllegalStateException("Management API call without a checked token");
        return token;
    }

    /** The organisation the token acts in. */
    static String organisationId(Context ctx) {
        return token(ctx).organisationId();
    }

    /** Who is calling, for the audit log. */
    Actor actor(Context ctx) {
        return Actor.apiToken(token(ctx), country.of(ctx));
    }
}
