package org.openrpiconnect.protocol.local;

/** The one error shape of the local API: a stable code and a message that says what to do next. */
public record LocalError(LocalErrorCode code, String message) {}
