package org.openrpiconnect.daemon.local;

import org.openrpiconnect.protocol.json.JsonValue;

/** Handles one local API method: params in (may be null), result out (serialised with the protocol's codec). */
@FunctionalInterface
public interface LocalHandler {
    Object handle(JsonValue params) throws LocalApiException;

    /** A result plus something to do once the response has been sent (e.g. exit after SHUTDOWN). */
    record ThenRun(Object result, Runnable action) {}
}
