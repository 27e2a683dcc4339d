package org.openrpiconnect.cloud.model;

/**
 * One row of an organisation's audit log. {@code source} is "API" or "Dashboard"; the subject is what was changed
 * (type, id and its name at the time); the actor is who changed it, with a country code only.
 */
public record AuditEvent(String id, String organisationId, long createdAt, String source, String action,
                         String subjectType, String subjectId, String subjectName, String actorType, String actorId,
                         String actorName, String countryCode) {
    public static final String SOURCE_API = "API";
    public static final String SOURCE_DASHBOARD = "Dashboard";
}
