package org.openrpiconnect.cloud.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes an X-Connect-Identity-Signature the way seed 001 tells a client to (written here from the seed's text, not
 * from the server's code): the newline-separated payload signed with ECDSA P-256 / SHA-256, DER, Base64.
 */
final class IdentitySigner {
    private IdentitySigner() {}

    /** @param accept null when the client sends no Accept header */
    static String payload(String method, String url, String authorization, String contentType, String accept,
                          String body) {
        return method + "\n" + url + "\n" + "Authorization: " + authorization + "\n" + "Content-Type: " + contentType
                + "\n" + (accept == null ? "" : "Accept: " + accept + "\n") + sha256Hex(body);
    }

    static String sign(PrivateKey key, String payload) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key);
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
