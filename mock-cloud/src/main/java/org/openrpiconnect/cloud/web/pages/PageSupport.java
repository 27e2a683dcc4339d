package org.openrpiconnect.cloud.web.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.web.PebbleRenderer;
import org.openrpiconnect.cloud.web.Surface;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** What every page shares: the signed-in user and CSRF token in each model, the sign-in redirect, safe "next". */
final class PageSupport {
    private PageSupport() {}

    static void register(Javalin app, WebSessions sessions, Csrf csrf) {
        app.before(ctx -> {
            if (Surface.of(ctx) != Surface.PAGES) return;
            Map<String, Object> common = new HashMap<>();
            common.put("csrf", csrf.token(ctx));
            sessions.current(ctx).ifPresent(u -> common.put("user", u));
            ctx.attribute(PebbleRenderer.COMMON_MODEL, common);
        });
        // after signing in, come back to the page; a form post cannot be replayed, so that goes to the dashboard
        app.exception(SignInRequired.class, (e, ctx) -> ctx.redirect("/signin?next="
                + encodeNext(ctx.req().getMethod().equals("GET") ? pathAndQuery(ctx) : "/"), HttpStatus.SEE_OTHER));
    }

    /** Only a local path: never an absolute or scheme-relative URL (no open redirect). */
    static String safeNext(String next) {
        if (next == null || next.isBlank()) return "/";
        String n = next.strip();
        if (!n.startsWith("/") || n.startsWith("//") || n.startsWith("/\\") || n.contains("\r") || n.contains("\n")) {
            return "/";
        }
        return n;
    }

    /** URL-encodes a local path for a query parameter, keeping its slashes readable ({@code next=/verify/ABCD-EFGH}). */
    static String encodeNext(String next) {
        return URLEncoder.encode(next, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    static void render(Context ctx, HttpStatus status, String template, Map<String, Object> model) {
        ctx.status(status);
        ctx.render(template, model);
    }

    private static String pathAndQuery(Context ctx) {
        String q = ctx.queryString();
        return ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q);
    }
}
