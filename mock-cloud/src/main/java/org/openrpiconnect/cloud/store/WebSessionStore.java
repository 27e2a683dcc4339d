package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Browser sessions, keyed by the SHA-256 of the session cookie. */
public final class WebSessionStore {

    public void insert(Connection c, String idHash, String userId, long now, long expiresAt) throws SQLException {
        Sql.update(c, "INSERT INTO web_sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                idHash, userId, now, expiresAt);
    }

    public Optional<String> findUserId(Connection c, String idHash, long now) throws SQLException {
        return Sql.one(c, "SELECT user_id FROM web_sessions WHERE id_hash = ? AND expires_at > ?",
                rs -> rs.getString("user_id"), idHash, now);
    }

    public void delete(Connection c, String idHash) throws SQLException {
        Sql.update(c, "DELETE FROM web_sessions WHERE id_hash = ?", idHash);
    }

    public int deleteExpired(Connection c, long now) throws SQLException {
        return Sql.update(c, "DELETE FROM web_sessions WHERE expires_at <= ?", now);
    }
}
