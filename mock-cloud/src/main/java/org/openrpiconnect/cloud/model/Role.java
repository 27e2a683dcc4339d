package org.openrpiconnect.cloud.model;

/** A member's role in an organisation. Administrators may change it and link devices to it. */
public enum Role {
    ADMINISTRATOR("administrator", "Administrator"), MEMBER("member", "Member");

    private final String dbValue;
    private final String label;

    Role(String dbValue, String label) {
        this.dbValue = dbValue;
        this.label = label;
    }

    public String dbValue() {
        return dbValue;
    }

    public String label() {
        return label;
    }

    public static Role fromDb(String s) {
        for (Role r : values()) {
            if (r.dbValue.equals(s)) return r;
        }
        throw new IllegalArgumentException("unknown role " + s);
    }
}
