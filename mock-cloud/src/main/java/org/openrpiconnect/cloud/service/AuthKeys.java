package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.Actor;
import org.openrpiconnect.cloud.model.AuditAction;
import org.openrpiconnect.cloud.model.AuthKey;
import org.openrpiconnect.cloud.model.AuthKeyKind;
import org.openrpiconnect.cloud.model.Issued;
import org.openrpiconnect.cloud.model.Owner;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.store.AuthKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Creating, listing and revoking auth keys. Exchanging one for a device is {@link Linking}'s job. */
public final class AuthKeys {
    private static final Logger LOG = LoggerFactory.getLogger(AuthKeys.class);

    private final Database db;
    private final AuthKeyStore keys;
    private final AuditLog audit;
    private final Clock clock;

    public AuthKeys(Database db, AuthKeyStore keys, AuditLog audit, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A personal key; the user's previous unused keys are revoked (one active personal key at a time). */
    public Issued<AuthKey> createPersonal(String userId, AuthKeyRequest request, Duration ttlOverride) {
        return create(AuthKeyKind.PERSONAL, Owner.user(userId), request, ttlOverride, null);
    }

    public Issued<AuthKey> createForOrganisation(String organisationId, AuthKeyRequest request,
                                                 Duration ttlOverride) {
        return create(AuthKeyKind.ORGANISATION, Owner.organisation(organisationId), request, ttlOverride, null);
    }

    /** An organisation key made through the Management API, recorded in the organisation's audit log. */
    public Issued<AuthKey> createThroughApi(String organisationId, AuthKeyRequest request, Actor actor) {
        return create(AuthKeyKind.ORGANISATION, Owner.organisation(organisationId), request, null, actor);
    }

    /**
     * @param ttlOverride exact lifetime (tests of expiry); null to use the request's days
     * @param actor       who made it, for the audit log of an organisation; null when not audited
     */
    private Issued<AuthKey> create(AuthKeyKind kind, Owner owner, AuthKeyRequest request, Duration ttlOverride,
                                   Actor actor) {
        request.validate();
        long now = clock.millis();
        Duration ttl = ttlOverride != null ? ttlOverride : Duration.ofDays(request.effectiveTtlDays());
        String secret = Secrets.newSecret(kind.prefix());
        AuthKey key = new AuthKey(Secrets.newId(), kind, owner, request.description(), request.deviceName(),
                request.tags(), now, now + ttl.toMillis(), null, null, false);
        int revoked = db.inTransaction(c -> {
            int n = kind == AuthKeyKind.PERSONAL ? keys.revokeUnused(c, owner) : 0;
            keys.insert(c, key, Secrets.sha256Hex(secret));
            if (actor != null && !owner.isUser()) {
                audit.record(c, owner.id(), AuditAction.AUTH_KEY_CREATED,
                        new AuditLog.Subject("auth_key", key.id(), key.description()), actor);
            }
            return n;
        });
        LOG.info("auth key {} created for {} {} (expires in {}s{})", key.id(), owner.kind().dbValue(), owner.id(),
                ttl.toSeconds(), revoked > 0 ? ", " + revoked + " previous key(s) revoked" : "");
        return new Issued<>(key, secret);
    }

    public List<AuthKey> list(Owner owner) {
        return db.read(c -> keys.listByOwner(c, owner));
    }

    public void revoke(String keyId, Owner owner) {
        boolean done = db.inTransaction(c -> keys.revoke(c, keyId, owner));
        if (!done) throw CloudError.notFound("No unused auth key with this id: it may have been used already");
        LOG.info("auth key {} revoked", keyId);
    }
}
