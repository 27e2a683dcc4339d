package org.openrpiconnect.protocol.json;

/**
 * An enum that travels as its wire name (e.g. {@code "in_progress"}) rather than its constant's name. The one
 * definition of the names is the enum itself, serving both codecs: {@link JsonBinder} writes {@link #wire()} and
 * reads through the enum's {@code public static E fromWire(String)}, which also decides what an unknown name reads
 * as (a fallback constant or null); the cloud's Jackson reaches the same two methods through their
 * {@code @JsonValue} and {@code @JsonCreator}.
 */
public interface WireEnum {
    String wire();
}
