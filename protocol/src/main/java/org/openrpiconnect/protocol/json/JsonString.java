package org.openrpiconnect.protocol.json;

import java.util.Objects;

/** A JSON string (its value unescaped). */
public record JsonString(String value) implements JsonValue {
    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return JsonWriter.write(this);
    }
}
