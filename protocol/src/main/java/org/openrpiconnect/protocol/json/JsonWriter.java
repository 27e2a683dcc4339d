package org.openrpiconnect.protocol.json;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes {@link JsonValue}s as compact JSON (no white space), escaping in strings exactly what must be escaped:
 * {@code "} and {@code \}, and the control characters below U+0020 ({@code \b \t \n \f \r} in their short form,
 * the others as <code>&#92;u00XX</code> with upper-case hex digits). Everything else, non-ASCII included, is written as is.
 * This is the output of the Jackson setup the cloud uses, byte for byte, so both sides agree on every document.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonWriter() {}

    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    public static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonString s) {
            string(s.value(), out);
        } else if (value instanceof JsonObject o) {
            out.append('{');
            Iterator<Map.Entry<String, JsonValue>> members = o.members().entrySet().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonValue> member = members.next();
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
                if (members.hasNext()) out.append(',');
            }
            out.append('}');
        } else if (value instanceof JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.values().size(); i++) {
                if (i > 0) out.append(',');
                write(a.values().get(i), out);
            }
            out.append(']');
        } else {
            out.append(value.toString()); // number literal, true, false, null
        }
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        int runStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out.append(s, runStart, i);
            runStart = i + 1;
            out.append('\\');
            switch (c) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '\b': out.append('b'); break;
                case '\t': out.append('t'); break;
                case '\n': out.append('n'); break;
                case '\f': out.append('f'); break;
                case '\r': out.append('r'); break;
                default: out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        out.append(s, runStart, s.length());
        out.append('"');
    }
}
