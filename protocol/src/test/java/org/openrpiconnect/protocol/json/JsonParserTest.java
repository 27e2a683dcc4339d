package org.openrpiconnect.protocol.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonParserTest {
    private static JsonReadException refused(String text) {
        return assertThrows(JsonReadException.class, () -> JsonParser.parse(text), text);
    }

    @Test
    void parses_every_kind_of_value_keeping_member_order_and_number_literals() throws Exception {
        JsonValue v = JsonParser.parse(" {\"z\":[1,-0.5e+3,true,false,null],\"a\":\"x\\u00e9\\n\",\"e\":{}} \r\n");
        assertEquals(new JsonObject(Map.of()), v.get("e"));
        assertEquals(List.of("z", "a", "e"), List.copyOf(((JsonObject) v).members().keySet()));
        assertEquals(new JsonArray(List.of(new JsonNumber("1"), new JsonNumber("-0.5e+3"), JsonBoolean.TRUE,
                JsonBoolean.FALSE, JsonNull.INSTANCE)), v.get("z"));
        assertEquals("xé\n", v.text("a"));
    }

    @Test
    void a_truncated_document_is_refused_with_its_line_and_column() {
        JsonReadException e = refused("{\n  \"device_id\": \"d-1\",\n  \"name\": ");
        assertEquals("unexpected end of input, expected a value", e.reason());
        assertEquals(3, e.line());
        assertEquals(11, e.column());
        assertEquals("unexpected end of input, expected a value at line 3, column 11", e.getMessage());
        assertEquals("unexpected end of input inside a string", refused("[\"abc").reason());
        assertEquals("unexpected end of input, expected , or }", refused("{\"a\":1").reason());
        assertEquals("no JSON value (the document is empty)", refused("  ").reason());
    }

    @Test
    void bad_escapes_and_raw_control_characters_in_strings_are_refused() {
        assertEquals("invalid escape \\x", refused("\"a\\x\"").reason());
        assertEquals("invalid \\u escape (it needs four hex digits)", refused("\"\\u12g4\"").reason());
        assertEquals("invalid \\u escape (it needs four hex digits)", refused("\"\\u١٢٣٤\"").reason());
        assertEquals("unexpected end of input inside a \\u escape", refused("\"\\u12").reason());
        JsonReadException raw = refused("\"tab\there\"");
        assertEquals("a control character (U+0009) inside a string; escape it", raw.reason());
        assertEquals(5, raw.column());
    }

    @Test
    void json5_and_javascript_leniencies_are_refused() {
        assertTrue(refused("{'a':1}").reason().contains("expected a member name in double quotes"));
        assertTrue(refused("[1,]").reason().startsWith("unexpected character ']'"));
        assertTrue(refused("{\"a\":1,}").reason().contains("expected a member name"));
        assertTrue(refused("// c\n{}").reason().startsWith("unexpected character '/'"));
        assertEquals("a number with a leading zero", refused("012").reason());
        assertEquals("a decimal point without digits after it", refused("1.").reason());
        assertEquals("an exponent without digits", refused("1e").reason());
        assertEquals("a minus sign without digits", refused("-x").reason());
        assertTrue(refused("NaN").reason().startsWith("unexpected character 'N'"));
        assertTrue(refused("tru").reason().startsWith("unexpected character 't'"));
        assertEquals("unexpected character 'x' after the JSON value", refused("{} x").reason());
        assertEquals("unexpected character '{' after the JSON value", refused("{}{}").reason());
    }

    @Test
    void a_depth_bomb_is_refused_at_the_limit_and_the_limit_itself_is_accepted() throws Exception {
        String deepest = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        JsonParser.parse(deepest);
        JsonReadException e = refused("[".repeat(100_000));
        assertEquals("arrays and objects nested deeper than " + JsonParser.MAX_DEPTH, e.reason());
        assertEquals(JsonParser.MAX_DEPTH + 1, e.column());
        assertTrue(refused("{\"a\":".repeat(JsonParser.MAX_DEPTH + 1)).reason().startsWith("arrays and objects"));
    }

    @Test
    void a_huge_number_or_document_is_refused() {
        JsonReadException e = refused("{\"n\":" + "9".repeat(JsonParser.MAX_NUMBER_CHARS + 1) + "}");
        assertEquals("a number longer than " + JsonParser.MAX_NUMBER_CHARS + " characters", e.reason());
        assertEquals(6, e.column());
        String big = "\"" + "a".repeat(JsonParser.MAX_DOCUMENT_CHARS) + "\"";
        assertTrue(refused(big).reason().startsWith("the document is larger than"));
    }

    @Test
    void a_number_at_the_length_limit_is_kept_exactly() throws Exception {
        String digits = "1" + "0".repeat(JsonParser.MAX_NUMBER_CHARS - 1);
        JsonNumber n = (JsonNumber) JsonParser.parse(digits);
        assertEquals(digits, n.literal());
        assertEquals(false, n.isLong());
        assertEquals(false, n.isInt());
    }

    @Test
    void duplicate_member_names_are_refused_at_the_second_one() {
        JsonReadException e = refused("{\"type\":\"resize\",\n\"type\":\"exit\"}");
        assertEquals("duplicate member name \"type\"", e.reason());
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        String longName = "n".repeat(39) + "😀" + "x".repeat(100_000);
        assertEquals("duplicate member name \"" + "n".repeat(39) + "…\"",
                refused("{\"" + longName + "\":1,\"" + longName + "\":2}").reason());
    }

    @Test
    void invalid_utf8_is_refused_with_its_place_and_a_byte_order_mark_is_skipped() throws Exception {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}'};
        JsonReadException e = assertThrows(JsonReadException.class, () -> JsonParser.parse(bad));
        assertEquals("invalid UTF-8 (byte 0xc3)", e.reason());
        assertEquals(7, e.column());
        byte[] overlong = {'"', (byte) 0xc0, (byte) 0xaf, '"'};
        assertThrows(JsonReadException.class, () -> JsonParser.parse(overlong));
        byte[] encodedSurrogate = {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'};
        assertThrows(JsonReadException.class, () -> JsonParser.parse(encodedSurrogate));
        byte[] withBom = "\uFEFF{\"a\":\"😀\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("😀", JsonParser.parse(withBom).text("a"));
    }

    @Test
    void escaped_surrogate_pairs_read_as_one_non_bmp_character() throws Exception {
        assertEquals("😀", ((JsonString) JsonParser.parse("\"\\ud83d\\uDE00\"")).value());
    }
}
