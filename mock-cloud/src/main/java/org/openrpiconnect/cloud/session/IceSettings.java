package org.openrpiconnect.cloud.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The STUN and TURN servers this cloud hands to browsers and devices ({@code serve --stun-url --turn-url
 * --turn-secret-file --turn-ttl-seconds}). TURN credentials follow the TURN REST API scheme (coturn's
 * {@code use-auth-secret}), see {@link TurnCredentials}; {@code turnSecret} is the coturn {@code static-auth-secret}.
 *
 * @param stunUrl    {@code stun:host:port}, or null for none
 * @param turnUrls   {@code turn:host:port?transport=udp} ..., empty for none
 * @param turnSecret the shared secret (never logged), null when there is no TURN server
 * @param turnTtl    how long a handed-out TURN credential stays valid
 */
public record IceSettings(String stunUrl, List<String> turnUrls, String turnSecret, Duration turnTtl) {
    public static final long DEFAULT_TTL_SECONDS = 86_400;
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(DEFAULT_TTL_SECONDS);
    static final Duration MIN_TTL = Duration.ofMinutes(1);
    static final Duration MAX_TTL = Duration.ofDays(7);

    public IceSettings {
        turnUrls = List.copyOf(turnUrls);
    }

    /** No STUN, no TURN: peers use their host candidates only (enough on one network). */
    public static IceSettings none() {
        return new IceSettings(null, List.of(), null, DEFAULT_TTL);
    }

    public boolean hasTurn() {
        return !turnUrls.isEmpty();
    }

    /**
     * Checks the serve options and reads the secret file; every mistake is an {@link IllegalArgumentException}
     * whose message says which option to fix and how.
     */
    public static IceSettings fromOptions(String stunUrl, List<String> turnUrls, Path turnSecretFile,
                                          long turnTtlSeconds) {
        List<String> turns = turnUrls == null ? List.of() : turnUrls;
        if (stunUrl != null && !(stunUrl.startsWith("stun:") || stunUrl.startsWith("stuns:"))) {
            throw new IllegalArgumentException("--stun-url '" + stunUrl + "' is not a STUN URL: give one like"
                    + " stun:stun.example.org:3478");
        }
        for (String t : turns) {
            if (!(t.startsWith("turn:") || t.startsWith("turns:")) || t.length() <= "turns:".length()) {
                throw new IllegalArgumentException("--turn-url '" + t + "' is not a TURN URL: give one like"
                        + " turn:turn.example.org:3478?transport=udp");
            }
        }
        if (!turns.isEmpty() && turnSecretFile == null) {
            throw new IllegalArgumentException("--turn-url needs --turn-secret-file: the file holding coturn's"
                    + " static-auth-secret (use-auth-secret), so the cloud can hand out time-limited credentials");
        }
        if (turns.isEmpty() && turnSecretFile != null) {
            throw new IllegalArgumentException("--turn-secret-file is given but no --turn-url: add the TURN"
                    + " server's URL, e.g. --turn-url turn:turn.example.org:3478?transport=udp");
        }
        Duration ttl = Duration.ofSeconds(turnTtlSeconds);
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("--turn-ttl-seconds must be " + MIN_TTL.toSeconds() + " to "
                    + MAX_TTL.toSeconds() + " (a relayed session ends when its credential expires)");
        }
        String secret = turnSecretFile == null ? null : readSecret(turnSecretFile);
        return new IceSettings(stunUrl, turns, secret, ttl);
    }

    private static String readSecret(Path file) {
        String secret;
        try {
            secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --turn-secret-file " + file + " (" + e.getMessage()
                    + "): give a readable file holding coturn's static-auth-secret");
        }
        if (secret.isEmpty() || secret.contains("\n")) {
            throw new IllegalArgumentException("--turn-secret-file " + file + " must hold the secret on one line"
                    + " (coturn's static-auth-secret), and it is " + (secret.isEmpty() ? "empty" : "several lines"));
        }
        return secret;
    }

    /** For logs: never the secret. */
    @Override
    public String toString() {
        return "IceSettings[stun=" + stunUrl + ", turn=" + turnUrls + ", ttl=" + turnTtl.toSeconds() + "s]";
    }
}
