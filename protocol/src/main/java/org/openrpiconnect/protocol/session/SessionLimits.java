package org.openrpiconnect.protocol.session;

import java.util.regex.Pattern;

/** Bounds the device enforces on signalling; anything beyond them ends (or refuses) only that session. */
public final class SessionLimits {
    private SessionLimits() {}

    /** A session id: 1 to 64 characters of letters, digits, '-' and '_'. */
    public static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Characters in an offer's SDP. A data-channel-only offer is about 1 KB. */
    public static final int MAX_SDP_CHARS = 32 * 1024;

    /** Characters in one candidate line. */
    public static final int MAX_CANDIDATE_CHARS = 1024;

    /** Remote candidates per session; one more ends the session ({@link SessionEndCode#BAD_CANDIDATE}). */
    public static final int MAX_REMOTE_CANDIDATES = 64;

    /** ICE servers in one offer, and URLs per server. */
    public static final int MAX_ICE_SERVERS = 8;
    public static final int MAX_URLS_PER_ICE_SERVER = 8;

    /** From the offer to an open data channel; a session not connected by then ends with TIMEOUT. */
    public static final int CONNECT_TIMEOUT_SECONDS = 30;

    public static boolean validSessionId(String id) {
        return id != null && SESSION_ID.matcher(id).matches();
    }
}
