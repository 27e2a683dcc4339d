package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.ApiToken;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Management API access tokens, stored by the SHA-256 of their secret. */
public final class ApiTokenStore {
    private static final String COLUMNS = "id, organisation_id, description, created_at, last_used_at, revoked";

    public void insert(Connection c, ApiToken t, String tokenHash) throws SQLException {
        Sql.update(c, "INSERT INTO api_tokens (" + COLUMNS + ", token_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                t.id(), t.organisationId(), t.description(), t.createdAt(), t.lastUsedAt(), t.revoked(), tokenHash);
    }

    /** The token with this hash that is not revoked. */
    public Optional<ApiToken> findActiveByHash(Connection c, String tokenHash) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ? AND revoked = 0",
                ApiTokenStore::map, tokenHash);
    }

    public List<ApiToken> listByOrganisation(Connection c, String organisationId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM api_tokens WHERE organisation_id = ? ORDER BY created_at DESC",
                ApiTokenStore::map, organisationId);
    }

    public boolean revoke(Connection c, String id, String organisationId) throws SQLException {
        return Sql.update(c, "UPDATE api_tokens SET revoked = 1 WHERE id = ? AND organisation_id = ?", id,
                organisationId) == 1;
    }

    public void touch(Connection c, String id, long now) throws SQLException {
        Sql.update(c, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now, id);
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString("id"), rs.getString("organisation_id"), rs.getString("description"),
                rs.getLong("created_at"), Sql.nullableLong(rs, "last_used_at"), rs.getInt("revoked") != 0);
    }
}
