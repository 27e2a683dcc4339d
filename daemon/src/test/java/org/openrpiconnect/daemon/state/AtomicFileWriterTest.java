package org.openrpiconnect.daemon.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFileWriterTest {
    @TempDir
    Path dir;

    private final AtomicFileWriter writer = new AtomicFileWriter();

    @Test
    void written_file_has_the_content_and_mode_0600() throws IOException {
        Path target = dir.resolve("state.json");
        writer.write(target, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"a\":1}", Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void replacing_a_world_readable_file_leaves_it_0600() throws IOException {
        Path target = dir.resolve("settings.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        writer.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void a_write_failing_half_way_leaves_the_old_content_and_no_partial_or_temp_file() throws IOException {
        Path target = dir.resolve("state.json");
        writer.write(target, "complete old content".getBytes(StandardCharsets.UTF_8));

        assertThrows(IOException.class, () -> writer.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertEquals("complete old content", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the target remains");
        }
    }

    @Test
    void a_failing_first_write_creates_no_file() {
        Path target = dir.resolve("device-key.pem");
        assertThrows(IOException.class, () -> writer.write(target, out -> {
            out.write('x');
            throw new IOException("boom");
        }));
        assertEquals(false, Files.exists(target));
    }

    @Test
    void private_directory_is_made_0700_even_when_it_existed_wider() throws IOException {
        Path state = dir.resolve("com.raspberrypi.connect");
        Files.createDirectory(state);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        writer.ensurePrivateDirectory(state);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
    }
}
