package org.openrpiconnect.cloud.session;

/**
 * One session as the cloud sees it: which device and browser it joins and how far it got. No SDP, no candidates:
 * those pass straight through ({@link SessionRelay}).
 */
final class RelayedSession {
    enum State {
        /** The browser's socket is open and has its ICE servers; no offer yet. */
        READY,
        /** The offer went to the device; no answer yet. */
        OFFERED,
        /** The device answered: the session counts as active until the device reports it closed. */
        ANSWERED,
        /** The browser left; the device was asked to close and has not confirmed yet (still counted). */
        CLOSING
    }

    final String id;
    final String deviceId;
    final String userId;
    final String kind;
    final boolean relayOnly;
    final BrowserEnd browser;
    private State state = State.READY;
    private long since;
    private int browserFrames;

    RelayedSession(String id, String deviceId, String userId, String kind, boolean relayOnly, BrowserEnd browser,
                   long now) {
        this.id = id;
        this.deviceId = deviceId;
        this.userId = userId;
        this.kind = kind;
        this.relayOnly = relayOnly;
        this.browser = browser;
        this.since = now;
    }

    synchronized State state() {
        return state;
    }

    /** When the current state began (epoch millis). */
    synchronized long since() {
        return since;
    }

    /** Moves to {@code next} when the session is in {@code expected}; false (and no change) otherwise. */
    synchronized boolean move(State expected, State next, long now) {
        if (state != expected) return false;
        state = next;
        since = now;
        return true;
    }

    /** Moves to CLOSING from any state but READY and CLOSING; returns the state it left, or null. */
    synchronized State startClosing(long now) {
        if (state == State.READY || state == State.CLOSING) return null;
        State left = state;
        state = State.CLOSING;
        since = now;
        return left;
    }

    /** Counts one frame from the browser; returns the count so far. */
    synchronized int countBrowserFrame() {
        return ++browserFrames;
    }

    boolean counted() {
        State s = state();
        return s == State.ANSWERED || s == State.CLOSING;
    }
}
