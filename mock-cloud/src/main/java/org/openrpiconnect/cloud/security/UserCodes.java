package org.openrpiconnect.cloud.security;

import java.util.Locale;
import java.util.Optional;

/** Device-code sign-in user codes: {@code XXXX-XXXX} from letters and digits that cannot be confused (no I, O, 0, 1). */
public final class UserCodes {
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private UserCodes() {}

    public static String generate() {
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) sb.append('-');
            sb.append(ALPHABET.charAt(Secrets.randomInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Upper-cases and re-inserts the dash, so "abcd efgh" and "ABCDEFGH" find the code; empty when not a code. */
    public static Optional<String> normalise(String input) {
        if (input == null) return Optional.empty();
        String s = input.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (s.length() != 8) return Optional.empty();
        for (char ch : s.toCharArray()) {
            if (ALPHABET.indexOf(ch) < 0) return Optional.empty();
        }
        return Optional.of(s.substring(0, 4) + "-" + s.substring(4));
    }
}
