package org.openrpiconnect.protocol.json;

import java.util.List;

/** A JSON array; {@code values} is unmodifiable. */
public record JsonArray(List<JsonValue> values) implements JsonValue {
    public JsonArray {
        values = List.copyOf(values);
    }

    @Override
    public String toString() {
        return JsonWriter.write(this);
    }
}
