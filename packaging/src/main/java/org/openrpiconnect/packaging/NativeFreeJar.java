package org.openrpiconnect.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without the native code some jars bundle for every system (JNA's dispatcher, pty4j's libpty and
 * Windows helpers): the jars go to the arch-independent /usr/share, and each package carries its own architecture's
 * libraries in /usr/lib/rpi-connect instead. Every other entry is copied unchanged, timestamps included.
 */
public final class NativeFreeJar {
    private static final String[] NATIVE_SUFFIXES = {".so", ".dll", ".dylib", ".jnilib", ".exe", ".a"};

    private NativeFreeJar() {}

    public static boolean isNative(String entryName) {
        String name = entryName.toLowerCase(Locale.ROOT);
        for (String suffix : NATIVE_SUFFIXES) {
            if (name.endsWith(suffix)) return true;
        }
        return false;
    }

    public static boolean containsNative(Path jar) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile())) {
            return in.stream().anyMatch(entry -> isNative(entry.getName()));
        }
    }

    /** Returns how many native entries were left out. */
    public static int copy(Path jar, Path target) throws IOException {
        int dropped = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (isNative(entry.getName())) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return dropped;
    }
}
