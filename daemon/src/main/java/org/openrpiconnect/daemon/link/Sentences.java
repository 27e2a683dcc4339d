package org.openrpiconnect.daemon.link;

/** The cloud's messages quoted inside the daemon's own: as one sentence each, with its full stop. */
final class Sentences {
    private Sentences() {}

    static String of(String s) {
        if (s == null || s.isBlank()) return "no reason given.";
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }
}
