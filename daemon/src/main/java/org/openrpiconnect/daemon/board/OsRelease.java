package org.openrpiconnect.daemon.board;

import java.util.HashMap;
import java.util.Map;

/** Parses os-release(5): KEY=value lines, values optionally in single or double quotes with backslash escapes. */
final class OsRelease {
    private OsRelease() {}

    static Map<String, String> parse(String content) {
        Map<String, String> values = new HashMap<>();
        for (String line : content.lines().toList()) {
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
        return v.replaceAll("\\\\(.)", "$1");
    }
}
