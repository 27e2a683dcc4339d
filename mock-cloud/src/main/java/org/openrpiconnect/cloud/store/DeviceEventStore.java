package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.StoredDeviceEvent;
import org.openrpiconnect.cloud.security.Secrets;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The device_events table every server instance polls. */
public final class DeviceEventStore {

    public void insert(Connection c, String deviceId, String type, String payload, long now) throws SQLException {
        Sql.update(c, "INSERT INTO device_events (id, device_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)",
                Secrets.newId(), deviceId, type, payload, now);
    }

    /** Events created at or after {@code since}, oldest first. */
    public List<StoredDeviceEvent> since(Connection c, long since) throws SQLException {
        return Sql.list(c, "SELECT id, device_id, type, payload, created_at FROM device_events"
                        + " WHERE created_at >= ? ORDER BY created_at, id",
                rs -> new StoredDeviceEvent(rs.getString("id"), rs.getString("device_id"), rs.getString("type"),
                        rs.getString("payload"), rs.getLong("created_at")), since);
    }

    public int deleteBefore(Connection c, long cutoff) throws SQLException {
        return Sql.update(c, "DELETE FROM device_events WHERE created_at < ?", cutoff);
    }
}
