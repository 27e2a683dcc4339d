package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.db.Database;
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
    private final Clock clock;

    public AuthKeys(Database db, AuthKeyStore keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    /** A personal key; the user's previous unused keys are revoked (one active personal key at a time). */
    public Issued<AuthKey> createPersonal(String userId, AuthKeyRequest request, Duration ttlOverride) {
        return create(AuthKeyKind.PERSONAL, Owner.user(userId), request, ttlOverride);
    }

    public Issued<AuthKey> createForOrganisation(String organisationId, AuthKeyRequest request,
                                                 Duration ttlOverride) {
        return create(AuthKeyKind.ORGANISATION, Owner.organisation(organisationId), request, ttlOverride);
    }

    /** @param ttlOverride exact lifetime (tests of expiry); null to use the request's days */
    private Issued<AuthKey> create(AuthKeyKind kind, Owner owner, AuthKeyRequest request, Duration ttlOverride) {
        request.validate();
        long now = clock.millis();
        Duration ttl = ttlOverride != null ? ttlOverride : Duration.ofDays(request.effectiveTtlDays());
        String secret = Secrets.newSecret(kind.prefix());
        AuthKey key = new AuthKey(Secrets.newId(), kind, owner, request.description(), request.deviceName(),
                request.tags(), now, now + ttl.toMillis(), null, null, false);
        int revoked = db.inTransaction(c -> {
            int n = kind == AuthKeyKind.PERSONAL ? keys.revokeUnused(c, owner) : 0;
            keys.insert(c, key, Secrets.sha256Hex(secret));
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
