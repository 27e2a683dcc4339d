package org.openrpiconnect.daemon.state;

import org.openrpiconnect.protocol.json.JsonReadException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;

/**
 * Turns why a state file could not be read into a few words for the user, such as
 * {@code malformed JSON at line 2, column 2: duplicate member name "device_id"}.
 */
final class UnreadableFileReason {
    private UnreadableFileReason() {}

    static String of(Throwable error) {
        Throwable cause = error;
        while (cause != null && !(cause instanceof JsonReadException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof JsonReadException json) {
            return "malformed JSON" + (json.hasLocation() ? " at line " + json.line() + ", column " + json.column()
                    + ": " + json.reason() : " (" + json.reason() + ")");
        }
        if (error instanceof AccessDeniedException) return "permission denied";
        if (error instanceof IOException io && io.getMessage() != null) return io.getMessage();
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
