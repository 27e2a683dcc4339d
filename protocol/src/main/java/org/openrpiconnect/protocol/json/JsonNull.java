package org.openrpiconnect.protocol.json;

/** JSON {@code null}. */
public enum JsonNull implements JsonValue {
    INSTANCE;

    @Override
    public String toString() {
        return "null";
    }
}
