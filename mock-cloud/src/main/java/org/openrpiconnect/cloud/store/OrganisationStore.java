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
    private static final String COLUMNS = "o.id, o.name, o.trial_started_at, o.trial_ends_at, o.billing_enabled,"
            + " o.created_at";

    public void insert(Connection c, Organisation org) throws SQLException {
        Sql.update(c, "INSERT INTO organisations (id, name, trial_started_at, trial_ends_at, billing_enabled,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                org.id(), org.name(), org.trialStartedAt(), org.trialEndsAt(), org.billingEnabled(), org.createdAt());
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

    public boolean setBillingEnabled(Connection c, String id, boolean enabled) throws SQLException {
        return Sql.update(c, "UPDATE organisations SET billing_enabled = ? WHERE id = ?", enabled, id) == 1;
    }

    public boolean setTrialEndsAt(Connection c, String id, long at) throws SQLException {
        return Sql.update(c, "UPDATE organisations SET trial_ends_at = ? WHERE id = ?", at, id) == 1;
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
        long trialStarted = rs.getLong("trial_started_at");
        Long trialEnds = Sql.nullableLong(rs, "trial_ends_at");
        return new Organisation(rs.getString("id"), rs.getString("name"), trialStarted,
                trialEnds != null ? trialEnds : trialStarted + Organisation.TRIAL.toMillis(),
                rs.getInt("billing_enabled") != 0, rs.getLong("created_at"));
    }
}
