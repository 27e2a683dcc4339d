package org.openrpiconnect.cloud.model;

import org.openrpiconnect.cloud.security.Secrets;

/** Personal keys ({@code rpuak_}: one unused key per user) and organisation keys ({@code rpoak_}: many at once). */
public enum AuthKeyKind {
    PERSONAL("personal", Secrets.PERSONAL_AUTH_KEY_PREFIX), ORGANISATION("organisation", Secrets.ORG_AUTH_KEY_PREFIX);

    private final String dbValue;
    private final String prefix;

    AuthKeyKind(String dbValue, String prefix) {
        this.dbValue = dbValue;
        this.prefix = prefix;
    }

    public String dbValue() {
        return dbValue;
    }

    public String prefix() {
        return prefix;
    }

    public static AuthKeyKind fromDb(String s) {
        for (AuthKeyKind k : values()) {
            if (k.dbValue.equals(s)) return k;
        }
        throw new IllegalArgumentException("unknown auth key kind " + s);
    }
}
