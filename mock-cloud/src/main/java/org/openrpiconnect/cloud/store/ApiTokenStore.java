package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.ApiToken;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Management API access tokens, stored by the SHA-256 of their secret, with their request-rate window. */
public final class ApiTokenStore {
    private static final String COLUMNS = "id, organisation_id, description, created_at, last_used_at, revoked";

    /** A token row with its stored hash, for the caller's constant-time comparison. */
    public record Found(ApiToken token, String tokenHash) {}

    /** Requests counted in the token's current window, which started at {@code windowStart}. */
    public record Usage(long windowStart, int count) {}

    public void insert(Connection c, ApiToken t, String tokenHash) throws SQLException {
        Sql.update(c, "INSERT INTO api_tokens (" + COLUMNS + ", token_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                t.id(), t.organisationId(), t.description(), t.createdAt(), t.lastUsedAt(), t.revoked(), tokenHash);
    }

    /** The token with this hash that is not revoked. */
    public Optional<Found> findActiveByHash(Connection c, String tokenHash) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + ", token_hash FROM api_tokens WHERE token_hash = ? AND revoked = 0",
                rs -> new Found(map(rs), rs.getString("token_hash")), tokenHash);
    }

    public Optional<ApiToken> findById(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?", ApiTokenStore::map, id);
    }

    public List<ApiToken> listByOrganisation(Connection c, String organisationId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM api_tokens WHERE organisation_id = ? ORDER BY created_at DESC",
                ApiTokenStore::map, organisationId);
    }

    public boolean revoke(Connection c, String id, String organisationId, long now) throws SQLException {
        return Sql.update(c, "UPDATE api_tokens SET revoked = 1, revoked_at = ? WHERE id = ? AND organisation_id = ?"
                + " AND revoked = 0", now, id, organisationId) == 1;
    }

    /**
     * Counts one request: in the current window when it is less than {@code windowMillis} old, else in a new one
     * starting now. One UPDATE (every SET sees the old row), so concurrent requests on any instance all count.
     * Call in a transaction: the count read back is this request's.
     */
    public Usage recordUse(Connection c, String id, long now, long windowMillis) throws SQLException {
        Sql.update(c, "UPDATE api_tokens SET last_used_at = ?,"
                        + " rate_count = CASE WHEN rate_window_start + ? > ? THEN rate_count + 1 ELSE 1 END,"
                        + " rate_window_start = CASE WHEN rate_window_start + ? > ? THEN rate_window_start ELSE ? END"
                        + " WHERE id = ?",
                now, windowMillis, now, windowMillis, now, now, id);
        return Sql.one(c, "SELECT rate_window_start, rate_count FROM api_tokens WHERE id = ?",
                rs -> new Usage(rs.getLong(1), rs.getInt(2)), id).orElse(new Usage(now, 1));
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString("id"), rs.getString("organisation_id"), rs.getString("description"),
                rs.getLong("created_at"), Sql.nullableLong(rs, "last_used_at"), rs.getInt("revoked") != 0);
    }
}
