package org.openrpiconnect.protocol.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object; {@code members} keep their order and are unmodifiable. */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public JsonObject {
        Map<String, JsonValue> copy = new LinkedHashMap<>(members);
        copy.forEach((name, value) -> {
            if (name == null || value == null) throw new NullPointerException("a member or its name is null");
        });
        members = Collections.unmodifiableMap(copy);
    }

    public static JsonObject empty() {
        return new JsonObject(Map.of());
    }

    @Override
    public JsonValue get(String name) {
        return members.get(name);
    }

    @Override
    public String toString() {
        return JsonWriter.write(this);
    }
}
