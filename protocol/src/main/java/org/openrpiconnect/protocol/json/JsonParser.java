package org.openrpiconnect.protocol.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser into {@link JsonValue}s, with bounds, so a hostile peer cannot make it work or allocate
 * without limit: at most {@link #MAX_DOCUMENT_CHARS} characters, {@link #MAX_DEPTH} nested arrays and objects, and
 * {@link #MAX_NUMBER_CHARS} characters per number. Anything else is refused with a {@link JsonReadException} naming
 * the reason, line and column: comments, trailing commas, single quotes, control characters in strings, invalid
 * escapes, leading zeros, NaN, content after the value, and invalid UTF-8 (bytes). A leading UTF-8 byte order mark
 * is skipped, as editors write one.
 *
 * <p>Duplicate member names are refused (RFC 8259 leaves them to the implementation; parsers disagree on which one
 * wins, so a document with two answers is not accepted as either).
 */
public final class JsonParser {
    public static final int MAX_DOCUMENT_CHARS = 1024 * 1024;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_NUMBER_CHARS = 100;

    private final String text;
    private int pos;
    private int depth;

    private JsonParser(String text) {
        this.text = text;
    }

    /** Parses one JSON value (surrounded by optional white space) from {@code text}. */
    public static JsonValue parse(String text) throws JsonReadException {
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new JsonReadException("the document is larger than " + MAX_DOCUMENT_CHARS + " characters", 1, 1);
        }
        JsonParser parser = new JsonParser(text);
        parser.skipWhitespace();
        if (parser.pos == text.length()) throw parser.error("no JSON value (the document is empty)");
        JsonValue value = parser.value();
        parser.skipWhitespace();
        if (parser.pos < text.length()) throw parser.error("unexpected " + parser.describeCurrent()
                + " after the JSON value");
        return value;
    }

    /** Parses UTF-8 bytes; invalid UTF-8 is refused with its place. */
    public static JsonValue parse(byte[] utf8) throws JsonReadException {
        if (utf8.length > 4 * MAX_DOCUMENT_CHARS) {
            throw new JsonReadException("the document is larger than " + MAX_DOCUMENT_CHARS + " characters", 1, 1);
        }
        int start = utf8.length >= 3 && (utf8[0] & 0xff) == 0xef && (utf8[1] & 0xff) == 0xbb
                && (utf8[2] & 0xff) == 0xbf ? 3 : 0;
        return parse(decode(utf8, start));
    }

    private static String decode(byte[] utf8, int start) throws JsonReadException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8, start, utf8.length - start);
        CharBuffer out = CharBuffer.allocate(utf8.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            String before = new String(utf8, start, in.position() - start, StandardCharsets.UTF_8);
            int[] at = place(before, before.length());
            throw new JsonReadException("invalid UTF-8 (byte 0x" + String.format("%02x", utf8[in.position()] & 0xff)
                    + ")", at[0], at[1]);
        }
        out.flip();
        return out.toString();
    }

    private JsonValue value() throws JsonReadException {
        if (pos >= text.length()) throw error("unexpected end of input, expected a value");
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return new JsonString(string());
            case 't':
                literal("true");
                return JsonBoolean.TRUE;
            case 'f':
                literal("false");
                return JsonBoolean.FALSE;
            case 'n':
                literal("null");
                return JsonNull.INSTANCE;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected " + describeCurrent() + ", expected a value");
        }
    }

    private JsonObject object() throws JsonReadException {
        enter();
        pos++; // {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return new JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw error(atEnd() ? "unexpected end of input, expected a member name"
                    : "unexpected " + describeCurrent() + ", expected a member name in double quotes");
            int nameAt = pos;
            String name = string();
            if (members.containsKey(name)) {
                pos = nameAt;
                throw error("duplicate member name "
                        + JsonWriter.write(new JsonString(JsonReadException.excerpt(name))));
            }
            skipWhitespace();
            expect(':', "a colon after the member name");
            skipWhitespace();
            members.put(name, value());
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                depth--;
                return new JsonObject(members);
            } else {
                throw error(atEnd() ? "unexpected end of input, expected , or }"
                        : "unexpected " + describeCurrent() + ", expected , or }");
            }
        }
    }

    private JsonArray array() throws JsonReadException {
        enter();
        pos++; // [
        List<JsonValue> values = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return new JsonArray(values);
        }
        while (true) {
            skipWhitespace();
            values.add(value());
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                depth--;
                return new JsonArray(values);
            } else {
                throw error(atEnd() ? "unexpected end of input, expected , or ]"
                        : "unexpected " + describeCurrent() + ", expected , or ]");
            }
        }
    }

    private void enter() throws JsonReadException {
        if (++depth > MAX_DEPTH) throw error("arrays and objects nested deeper than " + MAX_DEPTH);
    }

    private String string() throws JsonReadException {
        pos++; // opening quote
        StringBuilder sb = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) throw error("unexpected end of input inside a string");
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(runStart, pos) : sb.append(text, runStart, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) throw error("a control character (U+" + String.format("%04X", (int) c)
                    + ") inside a string; escape it");
            if (c == '\\') {
                if (sb == null) sb = new StringBuilder();
                sb.append(text, runStart, pos);
                sb.append(escape());
                runStart = pos;
            } else {
                pos++;
            }
        }
    }

    /** Reads one escape at {@code pos} (the backslash) and returns the character it stands for. */
    private char escape() throws JsonReadException {
        if (pos + 1 >= text.length()) throw error("unexpected end of input inside a string");
        char e = text.charAt(pos + 1);
        char result;
        switch (e) {
            case '"': result = '"'; break;
            case '\\': result = '\\'; break;
            case '/': result = '/'; break;
            case 'b': result = '\b'; break;
            case 'f': result = '\f'; break;
            case 'n': result = '\n'; break;
            case 'r': result = '\r'; break;
            case 't': result = '\t'; break;
            case 'u':
                if (pos + 6 > text.length()) throw error("unexpected end of input inside a \\u escape");
                int v = 0;
                for (int i = pos + 2; i < pos + 6; i++) {
                    int d = hexDigit(text.charAt(i));
                    if (d < 0) throw error("invalid \\u escape (it needs four hex digits)");
                    v = v * 16 + d;
                }
                pos += 6;
                return (char) v;
            default:
                throw error("invalid escape \\" + (e < 0x20 ? String.format("u%04X", (int) e) : String.valueOf(e)));
        }
        pos += 2;
        return result;
    }

    private JsonNumber number() throws JsonReadException {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) throw error("a number with a leading zero");
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("a minus sign without digits");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) throw error("a decimal point without digits after it");
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("an exponent without digits");
            digits();
        }
        if (pos - start > MAX_NUMBER_CHARS) {
            pos = start;
            throw error("a number longer than " + MAX_NUMBER_CHARS + " characters");
        }
        return new JsonNumber(text.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) pos++;
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would also take other scripts' digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) throws JsonReadException {
        if (!text.startsWith(word, pos)) throw error("unexpected " + describeCurrent() + ", expected a value");
        pos += word.length();
    }

    private void expect(char c, String what) throws JsonReadException {
        if (peek() != c) throw error(atEnd() ? "unexpected end of input, expected " + what
                : "unexpected " + describeCurrent() + ", expected " + what);
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    /** The character at {@code pos}, or 0 at the end (never a valid character there, as 0 must be escaped). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private String describeCurrent() {
        if (atEnd()) return "end of input";
        char c = text.charAt(pos);
        if (c < 0x20 || c == 0x7f) return String.format("character U+%04X", (int) c);
        if (Character.isHighSurrogate(c) && pos + 1 < text.length()) {
            return "character '" + text.substring(pos, pos + 2) + "'";
        }
        return "character '" + c + "'";
    }

    private JsonReadException error(String reason) {
        int[] at = place(text, pos);
        return new JsonReadException(reason, at[0], at[1]);
    }

    /** Line and column (both 1-based) of index {@code index} of {@code s}. */
    private static int[] place(String s, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }
}
