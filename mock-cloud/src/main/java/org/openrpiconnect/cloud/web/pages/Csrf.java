package org.openrpiconnect.cloud.web.pages;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.service.CloudError;

import java.util.Base64;

/**
 * CSRF protection for the pages' POST forms (double submit): a random cookie, echoed in a hidden {@code _csrf} field
 * of every form; a POST whose field does not match the cookie is refused. Another site can make a browser send the
 * cookie but cannot read it to fill the field.
 */
public final class Csrf {
    static final String COOKIE = "rpc_csrf";
    public static final String FIELD = "_csrf";
    private static final String ATTRIBUTE = "connect.csrf";

    /** The token for this browser, set as a cookie on first use. */
    public String token(Context ctx) {
        String token = ctx.attribute(ATTRIBUTE);
        if (token == null) token = ctx.cookie(COOKIE);
        if (token == null || token.length() < 20) {
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(24));
            ctx.cookie(new Cookie(COOKIE, token, "/", -1, false, 0, true, null, null, SameSite.LAX));
        }
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    public void check(Context ctx) {
        checkToken(ctx, ctx.formParam(FIELD));
    }

    /** The same check for a token sent another way (e.g. in a WebSocket URL, which has no form). */
    public void checkToken(Context ctx, String token) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || !Secrets.constantTimeEquals(cookie, token)) {
            throw CloudError.forbidden("This form has expired or came from another site: reload the page and try"
                    + " again");
        }
    }
}
