package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.DeviceCode;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceFacts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Device-code sign-ins; both the device code and the user code are stored only as SHA-256 hashes. */
public final class DeviceCodeStore {
    private static final String COLUMNS = "id, facts, status, device_id, created_at, expires_at";

    public void insert(Connection c, DeviceCode code, String deviceCodeHash, String userCodeHash)
            throws SQLException {
        Sql.update(c, "INSERT INTO device_codes (" + COLUMNS + ", device_code_hash, user_code_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                code.id(), Json.write(code.facts()), code.status(), code.deviceId(), code.createdAt(),
                code.expiresAt(), deviceCodeHash, userCodeHash);
    }

    public Optional<DeviceCode> findByDeviceCodeHash(Connection c, String hash) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM device_codes WHERE device_code_hash = ?", DeviceCodeStore::map,
                hash);
    }

    public Optional<DeviceCode> findByUserCodeHash(Connection c, String hash) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM device_codes WHERE user_code_hash = ?", DeviceCodeStore::map,
                hash);
    }

    /** Completes a pending, unexpired code; false when another request completed it first or it ran out. */
    public boolean complete(Connection c, String id, String deviceId, long now) throws SQLException {
        return Sql.update(c, "UPDATE device_codes SET status = ?, device_id = ?"
                        + " WHERE id = ? AND status = ? AND expires_at > ?",
                DeviceCode.COMPLETE, deviceId, id, DeviceCode.PENDING, now) == 1;
    }

    public int deleteExpiredBefore(Connection c, long cutoff) throws SQLException {
        return Sql.update(c, "DELETE FROM device_codes WHERE expires_at < ?", cutoff);
    }

    private static DeviceCode map(ResultSet rs) throws SQLException {
        return new DeviceCode(rs.getString("id"), Json.read(rs.getString("facts"), DeviceFacts.class),
                rs.getString("status"), rs.getString("device_id"), rs.getLong("created_at"),
                rs.getLong("expires_at"));
    }
}
