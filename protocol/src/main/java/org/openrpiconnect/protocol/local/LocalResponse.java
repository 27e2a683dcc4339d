package org.openrpiconnect.protocol.local;

import org.openrpiconnect.protocol.json.JsonValue;

/**
 * One response line. Exactly one of {@code result} and {@code error} is set. {@code daemonVersion} lets the CLI
 * warn once when it talks to a daemon of another version.
 */
public record LocalResponse(int v, String daemonVersion, JsonValue result, LocalError error) {
    public boolean ok() {
        return error == null;
    }
}
