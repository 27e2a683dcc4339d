package org.openrpiconnect.protocol.local;

import com.fasterxml.jackson.databind.JsonNode;

/** One request line: {@code {"v":1,"method":"status","params":{...}}}. */
public record LocalRequest(int v, LocalMethod method, JsonNode params) {
    public static LocalRequest of(LocalMethod method, Object params) {
        JsonNode node = params == null ? null : org.openrpiconnect.protocol.Json.mapper().valueToTree(params);
        return new LocalRequest(LocalApi.PROTOCOL_VERSION, method, node);
    }
}
