package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.Deployment;
import org.openrpiconnect.cloud.model.PageRequest;
import org.openrpiconnect.protocol.device.DeploymentState;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Deployments of artefacts to devices. A state change names the state it expects, so of two concurrent ones only
 * one wins.
 */
public final class DeploymentStore {
    private static final String COLUMNS = "id, organisation_id, device_id, artefact_id, state, state_reason,"
            + " created_at, updated_at";

    public void insert(Connection c, Deployment d) throws SQLException {
        Sql.update(c, "INSERT INTO deployments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.organisationId(), d.deviceId(), d.artefactId(), d.state().wire(), d.stateReason(),
                d.createdAt(), d.updatedAt());
    }

    public Optional<Deployment> findInOrganisation(Connection c, String organisationId, String id)
            throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM deployments WHERE id = ? AND organisation_id = ?",
                DeploymentStore::map, id, organisationId);
    }

    public Optional<Deployment> findForDevice(Connection c, String deviceId, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM deployments WHERE id = ? AND device_id = ?",
                DeploymentStore::map, id, deviceId);
    }

    /** Newest first. */
    public List<Deployment> pageForDevice(Connection c, String deviceId, PageRequest page) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM deployments WHERE device_id = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", DeploymentStore::map, deviceId,
                page.perPage(), page.offset());
    }

    public long countForDevice(Connection c, String deviceId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM deployments WHERE device_id = ?", deviceId);
    }

    /** Pending and in-progress ones, oldest first. */
    public List<Deployment> openForDevice(Connection c, String deviceId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM deployments WHERE device_id = ? AND state IN (?, ?)"
                        + " ORDER BY created_at, id", DeploymentStore::map, deviceId, DeploymentState.PENDING.wire(),
                DeploymentState.IN_PROGRESS.wire());
    }

    /** The newest created_at of the device's deployments, 0 when it has none. */
    public long latestCreatedAt(Connection c, String deviceId) throws SQLException {
        return Sql.one(c, "SELECT MAX(created_at) FROM deployments WHERE device_id = ?", rs -> rs.getLong(1),
                deviceId).orElse(0L);
    }

    /** Moves every {@code from} deployment of the device to {@code to}; returns how many. */
    public int moveAll(Connection c, String deviceId, DeploymentState from, DeploymentState to, String reason,
                       long now) throws SQLException {
        return Sql.update(c, "UPDATE deployments SET state = ?, state_reason = ?, updated_at = ?"
                + " WHERE device_id = ? AND state = ?", to.wire(), reason, now, deviceId, from.wire());
    }

    /** Moves one deployment from {@code expected} to {@code to}; false when it was no longer in {@code expected}. */
    public boolean move(Connection c, String id, DeploymentState expected, DeploymentState to, String reason,
                        long now) throws SQLException {
        return Sql.update(c, "UPDATE deployments SET state = ?, state_reason = ?, updated_at = ?"
                + " WHERE id = ? AND state = ?", to.wire(), reason, now, id, expected.wire()) == 1;
    }

    private static Deployment map(ResultSet rs) throws SQLException {
        return new Deployment(rs.getString("id"), rs.getString("organisation_id"), rs.getString("device_id"),
                rs.getString("artefact_id"), DeploymentState.byWire(rs.getString("state")).orElseThrow(),
                rs.getString("state_reason"), rs.getLong("created_at"), rs.getLong("updated_at"));
    }
}
