/**
 * The project's own small JSON codec, so the daemon and the CLI need no JSON library (Jackson cost the idle daemon
 * about 13 MB and the CLI's answered {@code status} about 50 ms of start-up):
 * {@link org.openrpiconnect.protocol.json.JsonValue} (the tree), {@link org.openrpiconnect.protocol.json.JsonParser}
 * (strict RFC 8259 with bounds; duplicate member names refused), {@link org.openrpiconnect.protocol.json.JsonWriter}
 * (compact, Jackson's escaping) and {@link org.openrpiconnect.protocol.json.JsonBinder} (records to trees and back).
 * {@link org.openrpiconnect.protocol.Json} is the entry point the rest of the project uses. The cloud keeps Jackson;
 * both read the same markers ({@link org.openrpiconnect.protocol.json.WireEnum},
 * {@link org.openrpiconnect.protocol.json.OmitNulls}) and a test holds them to the same bytes for every protocol type.
 */
package org.openrpiconnect.protocol.json;
