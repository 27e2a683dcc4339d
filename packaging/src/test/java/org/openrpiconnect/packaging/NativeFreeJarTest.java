package org.openrpiconnect.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeFreeJarTest {
    @TempDir
    Path dir;

    @Test
    void copy_leaves_out_native_libraries_of_every_system_and_keeps_classes_and_resources() throws IOException {
        Path jar = jar("com/sun/jna/Native.class", "com/sun/jna/linux-x86-64/libjnidispatch.so",
                "com/sun/jna/win32-x86-64/jnidispatch.dll", "com/sun/jna/darwin/libjnidispatch.jnilib",
                "resources/com/pty4j/native/win/x86-64/winpty-agent.exe", "META-INF/MANIFEST.MF");
        Path copy = dir.resolve("copy.jar");

        int dropped = NativeFreeJar.copy(jar, copy);

        assertEquals(4, dropped);
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            assertEquals(List.of("com/sun/jna/Native.class", "META-INF/MANIFEST.MF"),
                    zip.stream().map(ZipEntry::getName).toList());
            assertEquals("data of com/sun/jna/Native.class",
                    new String(zip.getInputStream(zip.getEntry("com/sun/jna/Native.class")).readAllBytes()));
        }
        assertTrue(NativeFreeJar.containsNative(jar));
        assertFalse(NativeFreeJar.containsNative(copy));
    }

    private Path jar(String... entries) throws IOException {
        Path jar = dir.resolve("in.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(("data of " + entry).getBytes());
                out.closeEntry();
            }
        }
        return jar;
    }
}
