package org.openrpiconnect.daemon.session;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.json.JsonNumber;
import org.openrpiconnect.protocol.json.JsonValue;
import org.openrpiconnect.protocol.session.ShellChannel;
import org.openrpiconnect.protocol.session.ShellControl;

/** Reads the browser's control messages (text frames on the shell channel), strictly. */
final class ShellControlParser {
    /** What a control message asks for. */
    sealed interface Parsed permits Resize, Ignored, Garbled {}

    record Resize(int cols, int rows) implements Parsed {}

    /** A well-formed message of a type this device does not know (a newer browser): ignored. */
    record Ignored(String type) implements Parsed {}

    /** Not a control message: ends the session. */
    record Garbled(String why) implements Parsed {}

    private ShellControlParser() {}

    static Parsed parse(String text) {
        JsonValue node;
        try {
            node = Json.read(text, JsonValue.class);
        } catch (Json.MalformedJsonException e) {
            return new Garbled("a text message is not JSON");
        }
        if (!node.isObject() || node.text("type") == null) {
            return new Garbled("a text message is not a control message (a JSON object with a type)");
        }
        String type = node.text("type");
        if (!ShellControl.RESIZE.equals(type)) return new Ignored(OfferCheck.shorten(type));
        if (!(node.get("cols") instanceof JsonNumber cols && cols.isInt())
                || !(node.get("rows") instanceof JsonNumber rows && rows.isInt())) {
            return new Garbled("a resize message needs whole numbers cols and rows");
        }
        int c = cols.intValue();
        int r = rows.intValue();
        if (c < 1 || c > ShellChannel.MAX_COLUMNS || r < 1 || r > ShellChannel.MAX_ROWS) {
            return new Garbled("a resize to " + c + "x" + r + " is out of bounds (1.." + ShellChannel.MAX_COLUMNS
                    + " columns, 1.." + ShellChannel.MAX_ROWS + " rows)");
        }
        return new Resize(c, r);
    }
}
