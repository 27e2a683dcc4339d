package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.ApiToken;
import org.openrpiconnect.cloud.model.Issued;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.store.ApiTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Management API access tokens ({@code rporg_}): issued once, stored hashed, checked on every API call, revocable.
 * A token acts as an administrator of its own organisation only. Each use is counted in a one-hour window (the
 * rate limit); the count lives in the database, so every cloud instance sees the same one.
 */
public final class ApiTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
    public static final Duration RATE_WINDOW = Duration.ofHours(1);

    private final Database db;
    private final ApiTokenStore tokens;
    private final Notifications notifications;
    private final Clock clock;

    /** An authenticated call: the token, and this call's place in its rate window. */
    public record Use(ApiToken token, long windowStart, int count) {
        public long windowEnd() {
            return windowStart + RATE_WINDOW.toMillis();
        }
    }

    public ApiTokens(Database db, ApiTokenStore tokens, Notifications notifications, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Issues a token; the organisation's administrators are notified (a token is as powerful as they are). */
    public Issued<ApiToken> create(Organisation organisation, String description) {
        String organisationId = organisation.id();
        String d = Descriptions.normalise(description);
        List<String> failures = Descriptions.failures(d);
        if (!failures.isEmpty()) throw CloudError.validation(failures);
        String secret = Secrets.newSecret(Secrets.API_TOKEN_PREFIX);
        ApiToken token = new ApiToken(Secrets.newId(), organisationId, d, clock.millis(), null, false);
        db.inTransaction(c -> {
            tokens.insert(c, token, Secrets.sha256Hex(secret));
            return null;
        });
        LOG.info("API token {} created for organisation {}", token.id(), organisationId);
        notifications.apiTokenCreated(organisation, d);
        return new Issued<>(token, secret);
    }

    /**
     * The active token with this secret, and the call counted against it. The token is found by the SHA-256 of the
     * secret (an index lookup of the hash of a 256-bit random secret tells nothing by its timing), and the stored
     * hash is then compared with the computed one in constant time, so no comparison of secret-derived bytes ends
     * early. Empty for an unknown, revoked or malformed token: the caller answers all of them alike.
     */
    public Optional<Use> authenticate(String secret) {
        if (secret == null || !secret.startsWith(Secrets.API_TOKEN_PREFIX)) return Optional.empty();
        String hash = Secrets.sha256Hex(secret);
        return db.inTransaction(c -> {
            Optional<ApiTokenStore.Found> found = tokens.findActiveByHash(c, hash);
            if (found.isEmpty() || !Secrets.constantTimeEquals(found.get().tokenHash(), hash)) {
                return Optional.empty();
            }
            ApiToken token = found.get().token();
            db.commitWithoutWaitingForDisk(c); // a lost count after a crash is harmless; an fsync per call is not
            ApiTokenStore.Usage usage = tokens.recordUse(c, token.id(), clock.millis(), RATE_WINDOW.toMillis());
            return Optional.of(new Use(token, usage.windowStart(), usage.count()));
        });
    }

    public List<ApiToken> list(String organisationId) {
        return db.read(c -> tokens.listByOrganisation(c, organisationId));
    }

    /** Revokes a token of the organisation: every later call with it gets the same 401 as an unknown token. */
    public void revoke(String tokenId, String organisationId) {
        boolean done = db.inTransaction(c -> tokens.revoke(c, tokenId, organisationId, clock.millis()));
        if (!done) throw CloudError.notFound("No active API token with this id in the organisation");
        LOG.info("API token {} revoked", tokenId);
    }
}
