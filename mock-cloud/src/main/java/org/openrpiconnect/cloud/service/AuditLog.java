package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.Actor;
import org.openrpiconnect.cloud.model.AuditAction;
import org.openrpiconnect.cloud.model.AuditEvent;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.store.AuditEventStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Records who changed what in an organisation, in the transaction of the change itself (so a change and its record
 * are never one without the other). Kept {@link #KEPT} days, as the audit log shows.
 */
public final class AuditLog {
    public static final Duration KEPT = Duration.ofDays(90);

    private final Database db;
    private final AuditEventStore events;
    private final Clock clock;

    /** What an event is about: a device, an auth key, ... with its id and its name at the time. */
    public record Subject(String type, String id, String name) {}

    public AuditLog(Database db, AuditEventStore events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    public void record(Connection c, String organisationId, AuditAction action, Subject subject, Actor actor)
            throws SQLException {
        String source = actor.type() == Actor.Type.API_TOKEN ? AuditEvent.SOURCE_API : AuditEvent.SOURCE_DASHBOARD;
        events.insert(c, new AuditEvent(Secrets.newId(), organisationId, clock.millis(), source, action.key(),
                subject.type(), subject.id(), subject.name(), actor.type().dbValue(), actor.id(), actor.name(),
                actor.countryCode()));
    }

    /** Most recent first. */
    public List<AuditEvent> recent(String organisationId, int limit) {
        return db.read(c -> events.listForOrganisation(c, organisationId, limit));
    }
}
