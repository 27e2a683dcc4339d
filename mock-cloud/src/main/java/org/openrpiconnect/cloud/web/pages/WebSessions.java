package org.openrpiconnect.cloud.web.pages;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.security.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Browser sessions: a random cookie ({@code HttpOnly}, {@code SameSite=Lax}; {@code Secure} when the public URL is
 * https) whose SHA-256 is the key of a web_sessions row.
 */
public final class WebSessions {
    private static final Logger LOG = LoggerFactory.getLogger(WebSessions.class);
    static final String COOKIE = "rpc_session";
    static final Duration TTL = Duration.ofDays(30);
    private static final String USER_ATTRIBUTE = "connect.user";

    private final Cloud cloud;

    public WebSessions(Cloud cloud) {
        this.cloud = cloud;
    }

    public void signIn(Context ctx, User user) {
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(32));
        long now = cloud.clock.millis();
        cloud.db.inTransaction(c -> {
            cloud.webSessionStore.insert(c, Secrets.sha256Hex(secret), user.id(), now, now + TTL.toMillis());
            return null;
        });
        ctx.cookie(cookie(secret, (int) TTL.toSeconds()));
        ctx.attribute(USER_ATTRIBUTE, user);
        LOG.info("user {} signed in", user.id());
    }

    public Optional<User> current(Context ctx) {
        User cached = ctx.attribute(USER_ATTRIBUTE);
        if (cached != null) return Optional.of(cached);
        String secret = ctx.cookie(COOKIE);
        if (secret == null || secret.isEmpty()) return Optional.empty();
        long now = cloud.clock.millis();
        Optional<User> user = cloud.db.read(c -> {
            Optional<String> userId = cloud.webSessionStore.findUserId(c, Secrets.sha256Hex(secret), now);
            return userId.isPresent() ? cloud.userStore.findById(c, userId.get()) : Optional.<User>empty();
        });
        user.ifPresent(u -> ctx.attribute(USER_ATTRIBUTE, u));
        return user;
    }

    /** The signed-in user, or a redirect to the sign-in page that comes back here. */
    public User require(Context ctx) {
        return current(ctx).orElseThrow(SignInRequired::new);
    }

    public void signOut(Context ctx) {
        String secret = ctx.cookie(COOKIE);
        if (secret != null && !secret.isEmpty()) {
            cloud.db.inTransaction(c -> {
                cloud.webSessionStore.delete(c, Secrets.sha256Hex(secret));
                return null;
            });
        }
        ctx.cookie(cookie("", 0));
    }

    private Cookie cookie(String value, int maxAgeSeconds) {
        return new Cookie(COOKIE, value, "/", maxAgeSeconds, cloud.publicUrl.isHttps(), 0, true, null, null, SameSite.LAX);
    }
}
