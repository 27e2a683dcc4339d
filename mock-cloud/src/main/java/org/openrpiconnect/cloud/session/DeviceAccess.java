package org.openrpiconnect.cloud.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the dashboard shows about reaching one device: which methods it allows and how many remote shell sessions
 * are active (the green dot, whose title gives the count).
 */
public record DeviceAccess(String deviceId, boolean shellAllowed, boolean vncAllowed, int shellSessions) {
    /** The dot's hover text, e.g. "1 remote shell session active" (also in the dashboard's JSON). */
    @JsonProperty
    public String shellSessionsTitle() {
        return shellSessions + " remote shell session" + (shellSessions == 1 ? "" : "s") + " active";
    }

    /** Where the dashboard gets these from (one per server; a stand-in for pages tested without sessions). */
    public interface Source {
        DeviceAccess of(String deviceId);

        /** Every device allows everything, nothing is active. */
        Source NONE = id -> new DeviceAccess(id, true, true, 0);
    }

    /** From the devices' reports and the relay's counts. */
    public static Source from(DeviceSettingsReports reports, SessionRelay relay) {
        return id -> {
            DeviceSettingsReports.Allowed allowed = reports.of(id);
            return new DeviceAccess(id, allowed.shell(), allowed.vnc(), relay.activeSessions(id));
        };
    }
}
