package org.openrpiconnect.cloud.session;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Time-limited TURN credentials, the TURN REST API scheme that coturn checks with {@code use-auth-secret}:
 * username {@code <expiry unix seconds>:<id>}, password Base64(HMAC-SHA1(shared secret, username)). Nothing is
 * stored: coturn recomputes the password from the username.
 */
public final class TurnCredentials {
    private TurnCredentials() {}

    public record Credential(String username, String password) {
        /** For logs: never the password. */
        @Override
        public String toString() {
            return "Credential[" + username + "]";
        }
    }

    /** @param id who the credential is for (a user id or a device id); must not contain ':' */
    public static Credential issue(String secret, String id, long expiresAtEpochSeconds) {
        if (id.indexOf(':') >= 0) throw new IllegalArgumentException("a TURN user id cannot contain ':'");
        String username = expiresAtEpochSeconds + ":" + id;
        return new Credential(username, password(secret, username));
    }

    static String password(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}
