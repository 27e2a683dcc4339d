package org.openrpiconnect.daemon.ice;

/**
 * The outcome of one candidate check: passed, or failed with a hint that says what to do next. {@code evidence}
 * says what decided it, for the log (never a credential).
 */
record Verdict(boolean ok, String hint, String evidence) {
    static Verdict pass(String evidence) {
        return new Verdict(true, null, evidence);
    }

    static Verdict fail(String hint) {
        return new Verdict(false, hint, hint);
    }
}
