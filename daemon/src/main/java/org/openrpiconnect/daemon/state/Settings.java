package org.openrpiconnect.daemon.state;

/** What the user allows, persisted in {@code settings.json}. Both services are allowed until the user says no. */
public record Settings(boolean vncAllowed, boolean shellAllowed) {
    public static final Settings DEFAULT = new Settings(true, true);

    public Settings withVnc(boolean allowed) {
        return new Settings(allowed, shellAllowed);
    }

    public Settings withShell(boolean allowed) {
        return new Settings(vncAllowed, allowed);
    }
}
