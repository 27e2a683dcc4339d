package org.openrpiconnect.daemon.board;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OsReleaseTest {
    @Test
    void values_are_unquoted_and_unescaped_and_comments_blank_lines_and_crlf_are_ignored() {
        Map<String, String> values = OsRelease.parse("# a comment\r\n"
                + "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\r\n"
                + "\n"
                + "NAME='Raspberry Pi OS'\n"
                + "VERSION_ID=12\n"
                + "ESCAPED=\"say \\\"hi\\\" \\\\ \\$HOME\"\n"
                + "TRAILING=ends\\\\\n"
                + "=no key\n");

        assertEquals(Map.of("PRETTY_NAME", "Debian GNU/Linux 12 (bookworm)", "NAME", "Raspberry Pi OS",
                "VERSION_ID", "12", "ESCAPED", "say \"hi\" \\ $HOME", "TRAILING", "ends\\"), values);
    }
}
