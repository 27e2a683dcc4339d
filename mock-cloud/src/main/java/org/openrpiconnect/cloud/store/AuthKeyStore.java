package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.AuthKey;
import org.openrpiconnect.cloud.model.AuthKeyKind;
import org.openrpiconnect.cloud.model.Owner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Auth keys, stored by the SHA-256 of their secret. */
public final class AuthKeyStore {
    private static final String COLUMNS = "id, kind, owner_kind, owner_id, description, device_name, created_at,"
            + " expires_at, used_at, used_by_device, revoked";

    public void insert(Connection c, AuthKey k, String secretHash) throws SQLException {
        Sql.update(c, "INSERT INTO auth_keys (" + COLUMNS + ", secret_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                k.id(), k.kind().dbValue(), k.owner().kind().dbValue(), k.owner().id(), k.description(),
                k.deviceName(), k.createdAt(), k.expiresAt(), k.usedAt(), k.usedByDevice(), k.revoked(), secretHash);
        for (int i = 0; i < k.tags().size(); i++) {
            Sql.update(c, "INSERT INTO auth_key_tags (auth_key_id, tag, position) VALUES (?, ?, ?)", k.id(),
                    k.tags().get(i), i);
        }
    }

    public Optional<AuthKey> findBySecretHash(Connection c, String secretHash) throws SQLException {
        Optional<AuthKey> k = Sql.one(c, "SELECT " + COLUMNS + " FROM auth_keys WHERE secret_hash = ?",
                AuthKeyStore::map, secretHash);
        return k.isPresent() ? Optional.of(withTags(c, k.get())) : k;
    }

    public Optional<AuthKey> findById(Connection c, String id) throws SQLException {
        Optional<AuthKey> k = Sql.one(c, "SELECT " + COLUMNS + " FROM auth_keys WHERE id = ?", AuthKeyStore::map, id);
        return k.isPresent() ? Optional.of(withTags(c, k.get())) : k;
    }

    /** Newest first. */
    public List<AuthKey> listByOwner(Connection c, Owner owner) throws SQLException {
        List<AuthKey> keys = Sql.list(c, "SELECT " + COLUMNS + " FROM auth_keys WHERE owner_kind = ? AND owner_id = ?"
                + " ORDER BY created_at DESC", AuthKeyStore::map, owner.kind().dbValue(), owner.id());
        List<AuthKey> out = new ArrayList<>();
        for (AuthKey k : keys) out.add(withTags(c, k));
        return out;
    }

    /** Revokes every unused, unrevoked key of this owner (a personal account keeps one active key). */
    public int revokeUnused(Connection c, Owner owner) throws SQLException {
        return Sql.update(c, "UPDATE auth_keys SET revoked = 1"
                + " WHERE owner_kind = ? AND owner_id = ? AND used_at IS NULL AND revoked = 0",
                owner.kind().dbValue(), owner.id());
    }

    public boolean revoke(Connection c, String id, Owner owner) throws SQLException {
        return Sql.update(c, "UPDATE auth_keys SET revoked = 1 WHERE id = ? AND owner_kind = ? AND owner_id = ?"
                + " AND used_at IS NULL", id, owner.kind().dbValue(), owner.id()) == 1;
    }

    /**
     * Claims a key for one exchange. Atomic: of concurrent claims of one key exactly one sees a row changed, so a key
     * links at most one device. Call in the transaction that creates the device.
     */
    public boolean claim(Connection c, String id, long now) throws SQLException {
        return Sql.update(c, "UPDATE auth_keys SET used_at = ?"
                + " WHERE id = ? AND used_at IS NULL AND revoked = 0 AND expires_at > ?", now, id, now) == 1;
    }

    public void recordDevice(Connection c, String id, String deviceId) throws SQLException {
        Sql.update(c, "UPDATE auth_keys SET used_by_device = ? WHERE id = ?", deviceId, id);
    }

    private AuthKey withTags(Connection c, AuthKey k) throws SQLException {
        List<String> tags = Sql.list(c, "SELECT tag FROM auth_key_tags WHERE auth_key_id = ? ORDER BY position",
                rs -> rs.getString("tag"), k.id());
        return new AuthKey(k.id(), k.kind(), k.owner(), k.description(), k.deviceName(), List.copyOf(tags),
                k.createdAt(), k.expiresAt(), k.usedAt(), k.usedByDevice(), k.revoked());
    }

    private static AuthKey map(ResultSet rs) throws SQLException {
        return new AuthKey(rs.getString("id"), AuthKeyKind.fromDb(rs.getString("kind")),
                new Owner(Owner.Kind.fromDb(rs.getString("owner_kind")), rs.getString("owner_id")),
                rs.getString("description"), rs.getString("device_name"), List.of(), rs.getLong("created_at"),
                rs.getLong("expires_at"), Sql.nullableLong(rs, "used_at"), rs.getString("used_by_device"),
                rs.getInt("revoked") != 0);
    }
}
