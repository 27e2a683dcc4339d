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
import java.util.List;
import java.util.Optional;

/** Management API access tokens ({@code rporg_}): issued once, stored hashed, checked on every API call. */
public final class ApiTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);

    private final Database db;
    private final ApiTokenStore tokens;
    private final Notifications notifications;
    private final Clock clock;

    public ApiTokens(Database db, ApiTokenStore tokens, Notifications notifications, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Issues a token; the organisation's administrators are notified (a token is as powerful as they are). */
    public Issued<ApiToken> create(Organisation organisation, String description) {
        String organisationId = organisation.id();
        String d = description == null ? "" : description.strip();
        if (d.isEmpty()) throw CloudError.validation(List.of("Description can't be blank"));
        if (d.length() > AuthKeyRequest.MAX_DESCRIPTION_LENGTH) {
            throw CloudError.validation(List.of("Description is too long (maximum is "
                    + AuthKeyRequest.MAX_DESCRIPTION_LENGTH + " characters)"));
        }
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
     * The active token with this secret, found by its SHA-256 (the secret itself is never compared or stored; an
     * index lookup of the hash of a 256-bit secret tells an attacker nothing by its timing).
     */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(Secrets.API_TOKEN_PREFIX)) return Optional.empty();
        String hash = Secrets.sha256Hex(secret);
        return db.read(c -> {
            Optional<ApiToken> t = tokens.findActiveByHash(c, hash);
            if (t.isPresent()) tokens.touch(c, t.get().id(), clock.millis());
            return t;
        });
    }

    public List<ApiToken> list(String organisationId) {
        return db.read(c -> tokens.listByOrganisation(c, organisationId));
    }

    public void revoke(String tokenId, String organisationId) {
        boolean done = db.inTransaction(c -> tokens.revoke(c, tokenId, organisationId));
        if (!done) throw CloudError.notFound("No API token with this id in the organisation");
        LOG.info("API token {} revoked", tokenId);
    }
}
