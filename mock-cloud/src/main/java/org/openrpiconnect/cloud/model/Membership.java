package org.openrpiconnect.cloud.model;

/** A user's membership of an organisation, with the organisation for display. */
public record Membership(Organisation organisation, String userId, Role role) {
    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }
}
