package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.Artefact;
import org.openrpiconnect.cloud.model.PageRequest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Remote-update artefacts. */
public final class ArtefactStore {
    private static final String COLUMNS = "id, organisation_id, name, uri, checksum, created_at";

    public void insert(Connection c, Artefact a) throws SQLException {
        Sql.update(c, "INSERT INTO artefacts (" + COLUMNS + ", name_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.organisationId(), a.name(), a.uri(), a.checksum(), a.createdAt(), SortKey.of(a.name()));
    }

    public Optional<Artefact> findInOrganisation(Connection c, String organisationId, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM artefacts WHERE id = ? AND organisation_id = ?",
                ArtefactStore::map, id, organisationId);
    }

    public Optional<Artefact> findById(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM artefacts WHERE id = ?", ArtefactStore::map, id);
    }

    public boolean nameTaken(Connection c, String organisationId, String name) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM artefacts WHERE organisation_id = ? AND name = ?", organisationId,
                name) > 0;
    }

    /** Sorted by name. */
    public List<Artefact> page(Connection c, String organisationId, PageRequest page) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM artefacts WHERE organisation_id = ?"
                        + " ORDER BY name_key, id LIMIT ? OFFSET ?", ArtefactStore::map, organisationId,
                page.perPage(), page.offset());
    }

    public long count(Connection c, String organisationId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM artefacts WHERE organisation_id = ?", organisationId);
    }

    /** True once any deployment (whatever its state) used the artefact. */
    public boolean deployed(Connection c, String id) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM deployments WHERE artefact_id = ?", id) > 0;
    }

    public boolean delete(Connection c, String id) throws SQLException {
        return Sql.update(c, "DELETE FROM artefacts WHERE id = ?", id) == 1;
    }

    private static Artefact map(ResultSet rs) throws SQLException {
        return new Artefact(rs.getString("id"), rs.getString("organisation_id"), rs.getString("name"),
                rs.getString("uri"), rs.getString("checksum"), rs.getLong("created_at"));
    }
}
