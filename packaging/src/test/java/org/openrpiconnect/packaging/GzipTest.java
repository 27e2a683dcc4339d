package org.openrpiconnect.packaging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GzipTest {
    @Test
    void output_is_valid_gzip_marked_maximum_compression_without_time_stamp() throws IOException {
        String text = ".TH RPI-CONNECT 1\n".repeat(200) + "é ✓\n";

        byte[] gz = Gzip.compress(text.getBytes(StandardCharsets.UTF_8));

        assertEquals(2, gz[8], "XFL must say maximum compression (lintian: poor-compression-in-manual-page)");
        assertEquals(0, gz[4] | gz[5] | gz[6] | gz[7], "MTIME must be 0 (gzip -n)");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertEquals(text, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
