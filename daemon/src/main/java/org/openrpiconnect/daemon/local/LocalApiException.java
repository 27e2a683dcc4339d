package org.openrpiconnect.daemon.local;

import org.openrpiconnect.protocol.local.LocalError;
import org.openrpiconnect.protocol.local.LocalErrorCode;

/** A handler's refusal: becomes the response's {@link LocalError}; the message says what to do next. */
public final class LocalApiException extends Exception {
    private final LocalErrorCode code;

    public LocalApiException(LocalErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public LocalErrorCode code() {
        return code;
    }

    public LocalError toError() {
        return new LocalError(code, getMessage());
    }
}
