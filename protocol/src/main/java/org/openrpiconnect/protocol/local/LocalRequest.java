package org.openrpiconnect.protocol.local;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.json.JsonValue;

/** One request line: {@code {"v":1,"method":"status","params":{...}}}. */
public record LocalRequest(int v, LocalMethod method, JsonValue params) {
    public static LocalRequest of(LocalMethod method, Object params) {
        JsonValue node = params == null ? null : Json.tree(params);
        return new LocalRequest(LocalApi.PROTOCOL_VERSION, method, node);
    }
}
