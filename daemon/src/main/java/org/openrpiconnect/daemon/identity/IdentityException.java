package org.openrpiconnect.daemon.identity;

/** The device identity cannot be used as it is; the message says why and what to do next. */
public final class IdentityException extends Exception {
    public IdentityException(String message) {
        super(message, null, false, false);
    }
}
