package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.Membership;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.Role;
import org.openrpiconnect.cloud.model.User;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Organisations and their members. */
public final class OrganisationStore {
    private static final String COLUMNS = "o.id, o.name, o.trial_started_at, o.created_at";

    public void insert(Connection c, Organisation org) throws SQLException {
        Sql.update(c, "INSERT INTO organisations (id, name, trial_started_at, created_at) VALUES (?, ?, ?, ?)",
                org.id(), org.name(), org.trialStartedAt(), org.createdAt());
    }

    public void addMember(Connection c, String organisationId, String userId, Role role, long now)
            throws SQLException {
        Sql.update(c, "INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
                organisationId, userId, role.dbValue(), now);
    }

    public Optional<Organisation> findByName(Connection c, String name) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM organisations o WHERE o.name = ?", OrganisationStore::map,
                name);
    }

    public Optional<Organisation> findById(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM organisations o WHERE o.id = ?", OrganisationStore::map, id);
    }

    /** The organisations a user belongs to, by name. */
    public List<Membership> membershipsOf(Connection c, String userId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + ", m.user_id, m.role FROM organisations o"
                        + " JOIN memberships m ON m.organisation_id = o.id WHERE m.user_id = ? ORDER BY o.name",
                rs -> new Membership(map(rs), rs.getString("user_id"), Role.fromDb(rs.getString("role"))), userId);
    }

    public Optional<Role> roleOf(Connection c, String organisationId, String userId) throws SQLException {
        return Sql.one(c, "SELECT role FROM memberships WHERE organisation_id = ? AND user_id = ?",
                rs -> Role.fromDb(rs.getString("role")), organisationId, userId);
    }

    public List<User> administrators(Connection c, String organisationId) throws SQLException {
        return Sql.list(c, "SELECT u.id, u.email, u.password_hash, u.created_at FROM users u"
                        + " JOIN memberships m ON m.user_id = u.id WHERE m.organisation_id = ? AND m.role = ?"
                        + " ORDER BY u.email",
                UserStore::map, organisationId, Role.ADMINISTRATOR.dbValue());
    }

    static Organisation map(ResultSet rs) throws SQLException {
        return new Organisation(rs.getString("id"), rs.getString("name"), rs.getLong("trial_started_at"),
                rs.getLong("created_at"));
    }
}
