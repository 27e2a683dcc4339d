package org.openrpiconnect.daemon.board;

import org.openrpiconnect.protocol.device.DeviceFacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the board facts under a system root ({@code RPI_CONNECT_SYSROOT}, "/" normally), so tests and demos can
 * present any board: serial number, model and revision, OS, kernel architecture, hostname.
 */
public final class BoardFactsReader {

    private final Path sysroot;
    private final String javaOsArch;
    private final Supplier<String> machineHostname;

    public BoardFactsReader(Path sysroot, String javaOsArch, Supplier<String> machineHostname) {
        this.sysroot = sysroot;
        this.javaOsArch = javaOsArch;
        this.machineHostname = machineHostname;
    }

    public BoardFacts read() {
        Map<String, String> cpuinfo = cpuinfo();
        return new BoardFacts(serial(cpuinfo), hostname(), board(cpuinfo), os(), kernelArchitecture());
    }

    /**
     * The device tree's serial number, else cpuinfo's {@code Serial}, both lower-case as the Pi shows them; on
     * machines that are not Pis, "mid-" + the first 16 hex digits of /etc/machine-id. Null when none is found.
     */
    public String serial() {
        return serial(cpuinfo());
    }

    private String serial(Map<String, String> cpuinfo) {
        Optional<String> fromTree = text("proc/device-tree/serial-number").map(s -> s.toLowerCase(Locale.ROOT));
        if (fromTree.filter(BoardFactsReader::usableSerial).isPresent()) return fromTree.get();
        String fromCpu = cpuinfo.get("Serial");
        if (fromCpu != null && usableSerial(fromCpu.toLowerCase(Locale.ROOT))) return fromCpu.toLowerCase(Locale.ROOT);
        return text("etc/machine-id")
                .map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> s.length() >= 16 && lowerHex(s.substring(0, 16)))
                .map(s -> "mid-" + s.substring(0, 16))
                .orElse(null);
    }

    // Some kernels report an all-zero serial on boards (and VMs) that have none.
    private static boolean usableSerial(String s) {
        return lowerHex(s) && s.chars().anyMatch(c -> c != '0');
    }

    // HexFormat rather than a regular expression: no regex engine loaded by every daemon for two checks at start
    // (HexFormat is loaded anyway: request signatures use it). Callers pass lower-cased text.
    private static boolean lowerHex(String s) {
        return !s.isEmpty() && s.chars().allMatch(HexFormat::isHexDigit);
    }

    private DeviceFacts.Board board(Map<String, String> cpuinfo) {
        Optional<BoardRevision> decoded = RevisionDecoder.decode(cpuinfo.get("Revision"));
        if (decoded.isPresent()) {
            BoardRevision r = decoded.get();
            return new DeviceFacts.Board(r.model().displayName(), r.revision(),
                    r.memory() == null ? null : r.memory().displayName());
        }
        // A device tree model we cannot decode further (a future board): report it as it is.
        return text("proc/device-tree/model").map(model -> new DeviceFacts.Board(model, null, null)).orElse(null);
    }

    private DeviceFacts.Os os() {
        Optional<String> content = text("etc/os-release").or(() -> text("usr/lib/os-release"));
        if (content.isEmpty()) return null;
        Map<String, String> release = OsRelease.parse(content.get());
        String pretty = release.getOrDefault("PRETTY_NAME", "");
        // Raspberry Pi OS calls itself "Raspbian" (32-bit) or "Debian" (64-bit) in NAME.
        String name = pretty.contains("Raspberry Pi OS") || "raspbian".equals(release.get("ID"))
                ? "Raspberry Pi OS" : release.get("NAME");
        String version = release.getOrDefault("VERSION", release.get("VERSION_ID"));
        if (name == null && version == null) return null;
        return new DeviceFacts.Os(name, version);
    }

    private String kernelArchitecture() {
        return text("proc/sys/kernel/arch").orElseGet(() -> switch (javaOsArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "arm" -> "armv7l";
            case "x86", "i386" -> "i686";
            default -> javaOsArch;
        });
    }

    private String hostname() {
        return text("etc/hostname").map(s -> firstLine(s).trim())
                .filter(s -> !s.isEmpty())
                .orElseGet(machineHostname);
    }

    private Map<String, String> cpuinfo() {
        Map<String, String> fields = new HashMap<>();
        text("proc/cpuinfo").ifPresent(content -> {
            for (String line : content.split("\n")) { // one character: no regular expression, as no stream
                int colon = line.indexOf(':');
                if (colon > 0) fields.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        });
        return fields;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A file's text under the sysroot, device-tree NULs removed and trimmed; empty when absent or blank. */
    private Optional<String> text(String relative) {
        try {
            String s = Files.readString(sysroot.resolve(relative), StandardCharsets.UTF_8).replace("\0", "").trim();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
