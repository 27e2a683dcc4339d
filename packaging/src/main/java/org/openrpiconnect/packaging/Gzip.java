package org.openrpiconnect.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip -9n, as Debian policy asks of man pages and changelogs: best compression, no name and no time stamp.
 * Written by hand because java.util.zip.GZIPOutputStream leaves the header's "maximum compression" flag (XFL=2)
 * unset, which lintian reports as poor compression.
 */
final class Gzip {
    private static final int XFL_MAX_COMPRESSION = 2;
    private static final int OS_UNIX = 3;

    private Gzip() {}

    static void write(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, compress(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] compress(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // magic, deflate, no flags, mtime 0 (4 bytes), XFL, OS
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, XFL_MAX_COMPRESSION, OS_UNIX});
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, data.length);
        return out.toByteArray();
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        for (int i = 0; i < 4; i++) out.write((value >>> (8 * i)) & 0xff);
    }
}
