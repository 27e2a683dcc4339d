package org.openrpiconnect.cloud.web.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.service.Accounts;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.cloud.web.ErrorStatus;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Sign-up, sign-in and sign-out pages. Also installs what every page shares ({@link PageSupport}). */
public final class AccountPages {
    private final Cloud cloud;
    private final WebSessions sessions;
    private final Csrf csrf;

    public AccountPages(Cloud cloud, WebSessions sessions, Csrf csrf) {
        this.cloud = cloud;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    public void register(Javalin app) {
        PageSupport.register(app, sessions, csrf);
        app.get("/signup", ctx -> form(ctx, "signup.peb", HttpStatus.OK, null));
        app.post("/signup", this::signUp);
        app.get("/signin", ctx -> form(ctx, "signin.peb", HttpStatus.OK, null));
        app.post("/signin", this::signIn);
        app.post("/signout", ctx -> {
            csrf.check(ctx);
            sessions.signOut(ctx);
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
        });
    }

    private void signUp(Context ctx) {
        csrf.check(ctx);
        User user;
        try {
            user = cloud.accounts.create(ctx.formParam("email"), ctx.formParam("password"));
        } catch (CloudError e) {
            form(ctx, "signup.peb", ErrorStatus.of(e.kind()), e.getMessage());
            return;
        }
        sessions.signIn(ctx, user);
        ctx.redirect(PageSupport.safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void signIn(Context ctx) {
        csrf.check(ctx);
        Optional<User> user = cloud.accounts.authenticate(ctx.formParam("email"), ctx.formParam("password"));
        if (user.isEmpty()) {
            form(ctx, "signin.peb", HttpStatus.UNAUTHORIZED, "Wrong email or password: try again, or create an"
                    + " account");
            return;
        }
        sessions.signIn(ctx, user.get());
        ctx.redirect(PageSupport.safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void form(Context ctx, String template, HttpStatus status, String error) {
        String next = PageSupport.safeNext(ctx.method().name().equals("POST") ? ctx.formParam("next")
                : ctx.queryParam("next"));
        Map<String, Object> model = new HashMap<>();
        model.put("next", next);
        model.put("email", Optional.ofNullable(ctx.formParam("email")).orElse(""));
        model.put("minPasswordLength", Accounts.MIN_PASSWORD_LENGTH);
        if (error != null) model.put("error", error);
        PageSupport.render(ctx, status, template, model);
    }
}
