package org.openrpiconnect.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A fake Raspberry Pi as the daemon sees it through {@code RPI_CONNECT_SYSROOT}: proc/cpuinfo, the device tree's
 * serial-number and model (NUL-terminated, as the kernel exposes them), etc/os-release, etc/hostname. Several
 * boards with distinct serial numbers let several "devices" run on one machine.
 */
public record Board(Path root, String serial, String model, String revision, String hostname) {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** New-style revision code: Raspberry Pi 5 (type 0x17), 8 GB, Sony UK. */
    public static final String PI5_8GB_REVISION = "d04170";
    public static final String PI5_MODEL = "Raspberry Pi 5 Model B Rev 1.0";

    /** A Raspberry Pi 5 with a random serial number, under {@code parent}/board-{@code name}. */
    public static Board create(Path parent, String name) {
        return create(parent, name, randomSerial());
    }

    public static Board create(Path parent, String name, String serial) {
        Board b = new Board(parent.resolve("board-" + name), serial, PI5_MODEL, PI5_8GB_REVISION, "pi-" + name);
        b.write();
        return b;
    }

    /** 16 lowercase hex digits, as /proc/cpuinfo shows on a Pi 5. */
    public static String randomSerial() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private void write() {
        String cpuinfo = "processor\t: 0\nBogoMIPS\t: 108.00\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32\n"
                + "CPU implementer\t: 0x41\nCPU part\t: 0xd0b\n\n"
                + "Revision\t: " + revision + "\nSerial\t\t: " + serial + "\nModel\t\t: " + model + "\n";
        String osRelease = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
                + "VERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n";
        try {
            Files.createDirectories(root.resolve("proc/device-tree"));
            Files.createDirectories(root.resolve("etc"));
            Files.writeString(root.resolve("proc/cpuinfo"), cpuinfo, StandardCharsets.UTF_8);
            Files.writeString(root.resolve("proc/device-tree/serial-number"), serial + "\0", StandardCharsets.UTF_8);
            Files.writeString(root.resolve("proc/device-tree/model"), model + "\0", StandardCharsets.UTF_8);
            Files.writeString(root.resolve("etc/os-release"), osRelease, StandardCharsets.UTF_8);
            Files.writeString(root.resolve("etc/hostname"), hostname + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fake board under " + root, e);
        }
    }
}
