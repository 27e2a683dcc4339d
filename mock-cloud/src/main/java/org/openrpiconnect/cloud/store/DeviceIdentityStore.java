package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.DeviceIdentity;
import org.openrpiconnect.cloud.model.PageRequest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Device identities and the tags they give the device they make; found at sign-in by their key's fingerprint. */
public final class DeviceIdentityStore {
    private static final String COLUMNS = "id, organisation_id, public_key, description, device_name, created_at,"
            + " exchanged_at, device_id";

    public void insert(Connection c, DeviceIdentity i, String keyFingerprint) throws SQLException {
        Sql.update(c, "INSERT INTO device_identities (" + COLUMNS + ", key_fingerprint, description_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                i.id(), i.organisationId(), i.publicKey(), i.description(), i.deviceName(), i.createdAt(),
                i.exchangedAt(), i.deviceId(), keyFingerprint, SortKey.of(i.description()));
        replaceTags(c, i.id(), i.tags());
    }

    public boolean fingerprintExists(Connection c, String keyFingerprint) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM device_identities WHERE key_fingerprint = ?", keyFingerprint) > 0;
    }

    public Optional<DeviceIdentity> findByFingerprint(Connection c, String keyFingerprint) throws SQLException {
        return withTags(c, Sql.one(c, "SELECT " + COLUMNS + " FROM device_identities WHERE key_fingerprint = ?",
                DeviceIdentityStore::map, keyFingerprint));
    }

    public Optional<DeviceIdentity> findInOrganisation(Connection c, String organisationId, String id)
            throws SQLException {
        return withTags(c, Sql.one(c, "SELECT " + COLUMNS + " FROM device_identities"
                + " WHERE id = ? AND organisation_id = ?", DeviceIdentityStore::map, id, organisationId));
    }

    /** Sorted by description. */
    public List<DeviceIdentity> page(Connection c, String organisationId, PageRequest page) throws SQLException {
        List<DeviceIdentity> rows = Sql.list(c, "SELECT " + COLUMNS + " FROM device_identities"
                        + " WHERE organisation_id = ? ORDER BY description_key, id LIMIT ? OFFSET ?",
                DeviceIdentityStore::map, organisationId, page.perPage(), page.offset());
        List<DeviceIdentity> out = new ArrayList<>(rows.size());
        for (DeviceIdentity i : rows) out.add(withTags(c, i));
        return out;
    }

    public long count(Connection c, String organisationId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM device_identities WHERE organisation_id = ?", organisationId);
    }

    /** Writes description, device name and tags. */
    public void update(Connection c, DeviceIdentity i) throws SQLException {
        Sql.update(c, "UPDATE device_identities SET description = ?, description_key = ?, device_name = ?"
                + " WHERE id = ?", i.description(), SortKey.of(i.description()), i.deviceName(), i.id());
        replaceTags(c, i.id(), i.tags());
    }

    /** Records a sign-in with the identity: the first one is its exchange. */
    public void recordExchange(Connection c, String id, String deviceId, long now) throws SQLException {
        Sql.update(c, "UPDATE device_identities SET exchanged_at = COALESCE(exchanged_at, ?), device_id = ?"
                + " WHERE id = ?", now, deviceId, id);
    }

    /** The device was deleted: the identity no longer points at it (it stays exchanged). */
    public void forgetDevice(Connection c, String deviceId) throws SQLException {
        Sql.update(c, "UPDATE device_identities SET device_id = NULL WHERE device_id = ?", deviceId);
    }

    public boolean delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM device_identity_tags WHERE device_identity_id = ?", id);
        return Sql.update(c, "DELETE FROM device_identities WHERE id = ?", id) == 1;
    }

    private void replaceTags(Connection c, String id, List<String> tags) throws SQLException {
        Sql.update(c, "DELETE FROM device_identity_tags WHERE device_identity_id = ?", id);
        for (int i = 0; i < tags.size(); i++) {
            Sql.update(c, "INSERT INTO device_identity_tags (device_identity_id, tag, position) VALUES (?, ?, ?)",
                    id, tags.get(i), i);
        }
    }

    private Optional<DeviceIdentity> withTags(Connection c, Optional<DeviceIdentity> i) throws SQLException {
        return i.isPresent() ? Optional.of(withTags(c, i.get())) : i;
    }

    private DeviceIdentity withTags(Connection c, DeviceIdentity i) throws SQLException {
        List<String> tags = Sql.list(c, "SELECT tag FROM device_identity_tags WHERE device_identity_id = ?"
                + " ORDER BY position", rs -> rs.getString(1), i.id());
        return new DeviceIdentity(i.id(), i.organisationId(), i.publicKey(), i.description(), i.deviceName(),
                List.copyOf(tags), i.createdAt(), i.exchangedAt(), i.deviceId());
    }

    private static DeviceIdentity map(ResultSet rs) throws SQLException {
        return new DeviceIdentity(rs.getString("id"), rs.getString("organisation_id"), rs.getString("public_key"),
                rs.getString("description"), rs.getString("device_name"), List.of(), rs.getLong("created_at"),
                Sql.nullableLong(rs, "exchanged_at"), rs.getString("device_id"));
    }
}
