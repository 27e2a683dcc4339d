package org.openrpiconnect.protocol.json;

/**
 * A parsed JSON value: the tree model of the project's own codec. Small on purpose: each kind is a record (or, for
 * null, one constant), {@link #toString()} is the compact JSON text, and {@link #get(String)} / {@link #text(String)}
 * read an object's members without casts.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {
    /** The member {@code name} when this is an object that has it, else null. */
    default JsonValue get(String name) {
        return null;
    }

    /** The member {@code name} when this is an object and that member is a string, else null. */
    default String text(String name) {
        return get(name) instanceof JsonString s ? s.value() : null;
    }

    default boolean isObject() {
        return this instanceof JsonObject;
    }

    default boolean isNull() {
        return this instanceof JsonNull;
    }
}
