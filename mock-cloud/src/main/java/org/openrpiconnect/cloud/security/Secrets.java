package org.openrpiconnect.cloud.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Random secrets (auth keys, API tokens, device codes, session ids) and how they are kept: only their SHA-256 hex
 * is stored (they are high-entropy, so a plain hash is enough), and hashes are compared in constant time.
 */
public final class Secrets {
    public static final String PERSONAL_AUTH_KEY_PREFIX = "rpuak_";
    public static final String ORG_AUTH_KEY_PREFIX = "rpoak_";
    public static final String API_TOKEN_PREFIX = "rporg_";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** {@code prefix} + 43 base62 characters (about 256 bits). */
    public static String newSecret(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 43; i++) sb.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        return sb.toString();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    public static int randomInt(int bound) {
        return RANDOM.nextInt(bound);
    }

    public static String sha256Hex(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
