package org.openrpiconnect.cloud.model;

/**
 * Who made a change, for the audit log: an API access token (by its description) or a user, and the country the
 * request came from as an ISO 3166 code (null when unknown). Never an IP address.
 */
public record Actor(Type type, String id, String name, String countryCode) {
    public enum Type {
        API_TOKEN("api_token"), USER("user");

        private final String dbValue;

        Type(String dbValue) {
            this.dbValue = dbValue;
        }

        public String dbValue() {
            return dbValue;
        }
    }

    public static Actor apiToken(ApiToken token, String countryCode) {
        return new Actor(Type.API_TOKEN, token.id(), token.description(), countryCode);
    }
}
