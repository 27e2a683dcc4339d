package org.openrpiconnect.protocol.json;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonWriterTest {
    @Test
    void escapes_quotes_backslashes_and_every_control_character_and_nothing_else() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) all.append(c);
        assertEquals("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B\\f\\r\\u000E\\u000F"
                + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D"
                + "\\u001E\\u001F\"", JsonWriter.write(new JsonString(all.toString())));
        assertEquals("\"a\\\"b\\\\c/d\u007f</script>\"", JsonWriter.write(new JsonString("a\"b\\c/d\u007f</script>")));
    }

    @Test
    void non_ascii_and_non_bmp_characters_are_written_as_they_are() {
        assertEquals("\"é ✓ 😀 \u2028\"", JsonWriter.write(new JsonString("é ✓ 😀 \u2028")));
    }

    @Test
    void writes_compact_json_in_member_order_and_reads_back_the_same_tree() throws Exception {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("z", new JsonArray(List.of(new JsonNumber("-1.5E-3"), JsonBoolean.TRUE, JsonNull.INSTANCE)));
        members.put("a", JsonObject.empty());
        members.put("s", new JsonString("line\nbreak"));
        JsonObject tree = new JsonObject(members);
        String text = JsonWriter.write(tree);
        assertEquals("{\"z\":[-1.5E-3,true,null],\"a\":{},\"s\":\"line\\nbreak\"}", text);
        assertEquals(tree, JsonParser.parse(text));
        assertEquals(text, tree.toString());
    }
}
