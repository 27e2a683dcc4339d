package org.openrpiconnect.daemon.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;

/** Turns why a state file could not be read into a few words for the user ("malformed JSON at line 1"). */
final class UnreadableFileReason {
    private UnreadableFileReason() {}

    static String of(Throwable error) {
        Throwable cause = error;
        while (cause != null && !(cause instanceof JsonProcessingException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr();
            return "malformed JSON" + where;
        }
        if (error instanceof AccessDeniedException) return "permission denied";
        if (error instanceof IOException io && io.getMessage() != null) return io.getMessage();
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
