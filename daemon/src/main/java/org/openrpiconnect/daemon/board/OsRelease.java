package org.openrpiconnect.daemon.board;

import java.util.HashMap;
import java.util.Map;

/**
 * Parses os-release(5): KEY=value lines, values optionally in single or double quotes with backslash escapes. By hand
 * rather than with streams and a regular expression: read at every sign-in, which should load little.
 */
final class OsRelease {
    private OsRelease() {}

    static Map<String, String> parse(String content) {
        Map<String, String> values = new HashMap<>();
        for (String line : content.split("\n")) { // one character: String.split's plain path, no regular expression
            String l = line.trim();
            int eq = l.indexOf('=');
            if (l.startsWith("#") || eq <= 0) continue;
            values.put(l.substring(0, eq).trim(), unquote(l.substring(eq + 1).trim()));
        }
        return values;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
        }
        return unescape(v);
    }

    /** Each backslash-escaped character as itself. */
    private static String unescape(String v) {
        if (v.indexOf('\\') < 0) return v;
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) c = v.charAt(++i);
            out.append(c);
        }
        return out.toString();
    }
}
