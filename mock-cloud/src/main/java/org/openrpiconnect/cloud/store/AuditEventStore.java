package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.AuditEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The organisations' audit logs. */
public final class AuditEventStore {
    private static final String COLUMNS = "id, organisation_id, created_at, source, action, subject_type, subject_id,"
            + " subject_name, actor_type, actor_id, actor_name, country_code";

    public void insert(Connection c, AuditEvent e) throws SQLException {
        Sql.update(c, "INSERT INTO audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.organisationId(), e.createdAt(), e.source(), e.action(), e.subjectType(), e.subjectId(),
                e.subjectName(), e.actorType(), e.actorId(), e.actorName(), e.countryCode());
    }

    /** Most recent first. */
    public List<AuditEvent> listForOrganisation(Connection c, String organisationId, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM audit_events WHERE organisation_id = ?"
                        + " ORDER BY created_at DESC, id LIMIT ?",
                rs -> new AuditEvent(rs.getString("id"), rs.getString("organisation_id"), rs.getLong("created_at"),
                        rs.getString("source"), rs.getString("action"), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getString("subject_name"), rs.getString("actor_type"),
                        rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("country_code")),
                organisationId, limit);
    }

    public int deleteBefore(Connection c, long cutoff) throws SQLException {
        return Sql.update(c, "DELETE FROM audit_events WHERE created_at < ?", cutoff);
    }
}
