package org.openrpiconnect.cloud.session;

/** The browser's end of a session's signalling: its WebSocket to this cloud. */
public interface BrowserEnd {
    /** Sends one JSON text frame (frames to one browser never interleave). */
    void send(String text);

    /** Closes the browser's socket after the frames already sent (normal closure). */
    void close();
}
