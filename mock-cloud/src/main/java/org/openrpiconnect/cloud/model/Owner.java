package org.openrpiconnect.cloud.model;

/** Who a device or auth key belongs to: one user (personal) or one organisation. */
public record Owner(Kind kind, String id) {
    public enum Kind {
        USER("user"), ORGANISATION("organisation");

        private final String dbValue;

        Kind(String dbValue) {
            this.dbValue = dbValue;
        }

        public String dbValue() {
            return dbValue;
        }

        public static Kind fromDb(String s) {
            for (Kind k : values()) {
                if (k.dbValue.equals(s)) return k;
            }
            throw new IllegalArgumentException("unknown owner kind " + s);
        }
    }

    public static Owner user(String userId) {
        return new Owner(Kind.USER, userId);
    }

    public static Owner organisation(String organisationId) {
        return new Owner(Kind.ORGANISATION, organisationId);
    }

    public boolean isUser() {
        return kind == Kind.USER;
    }
}
