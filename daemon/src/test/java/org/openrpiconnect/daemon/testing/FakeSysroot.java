package org.openrpiconnect.daemon.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files a board reader looks at under a temp directory (RPI_CONNECT_SYSROOT in daemon tests). */
public final class FakeSysroot {
    private final Path root;

    private FakeSysroot(Path root) {
        this.root = root;
    }

    public static FakeSysroot at(Path root) {
        return new FakeSysroot(root);
    }

    /** A Raspberry Pi 4B (4 GB) on Raspberry Pi OS bookworm with this serial. */
    public static FakeSysroot pi4(Path root, String serial) throws IOException {
        return at(root)
                .file("proc/device-tree/serial-number", serial + "\0")
                .file("proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.1\0")
                .cpuinfo("c03111", serial)
                .file("etc/os-release", "PRETTY_NAME=\"Raspberry Pi OS\"\nNAME=\"Debian GNU/Linux\"\n"
                        + "VERSION=\"12 (bookworm)\"\nID=debian\n")
                .file("proc/sys/kernel/arch", "aarch64\n")
                .file("etc/hostname", "testpi\n");
    }

    public FakeSysroot file(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return this;
    }

    public FakeSysroot cpuinfo(String revision, String serial) throws IOException {
        return file("proc/cpuinfo", "processor\t: 0\nBogoMIPS\t: 108.00\n\nHardware\t: BCM2835\nRevision\t: "
                + revision + "\nSerial\t\t: " + serial + "\nModel\t\t: Raspberry Pi\n");
    }
}
