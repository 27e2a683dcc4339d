package org.openrpiconnect.daemon.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellControlParserTest {
    @Test
    void resize_with_whole_numbers_in_bounds_is_read() {
        assertEquals(new ShellControlParser.Resize(132, 43),
                ShellControlParser.parse("{\"type\":\"resize\",\"cols\":132,\"rows\":43}"));
        assertEquals(new ShellControlParser.Resize(1000, 1),
                ShellControlParser.parse("{\"type\":\"resize\",\"cols\":1000,\"rows\":1}"));
    }

    @Test
    void resize_out_of_bounds_or_not_whole_numbers_is_garbled() {
        for (String bad : new String[] {"{\"type\":\"resize\",\"cols\":0,\"rows\":24}",
                "{\"type\":\"resize\",\"cols\":80,\"rows\":1001}", "{\"type\":\"resize\",\"cols\":80.5,\"rows\":24}",
                "{\"type\":\"resize\",\"cols\":\"80\",\"rows\":24}", "{\"type\":\"resize\",\"cols\":80}",
                "{\"type\":\"resize\",\"cols\":99999999999,\"rows\":24}"}) {
            assertInstanceOf(ShellControlParser.Garbled.class, ShellControlParser.parse(bad), bad);
        }
    }

    @Test
    void text_that_is_not_a_control_message_is_garbled_with_a_reason() {
        var g = (ShellControlParser.Garbled) ShellControlParser.parse("ls -l");
        assertTrue(g.why().contains("not JSON"), g.why());
        assertInstanceOf(ShellControlParser.Garbled.class, ShellControlParser.parse("[1,2]"));
        assertInstanceOf(ShellControlParser.Garbled.class, ShellControlParser.parse("{\"type\":7}"));
    }

    @Test
    void unknown_types_are_ignored_for_forward_compatibility() {
        assertEquals(new ShellControlParser.Ignored("paste-mode"),
                ShellControlParser.parse("{\"type\":\"paste-mode\",\"on\":true}"));
    }
}
