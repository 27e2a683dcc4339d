package org.openrpiconnect.cloud.model;

import org.openrpiconnect.protocol.board.BoardModel;
import org.openrpiconnect.protocol.board.MemorySize;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of the {@code model:}, {@code memory:} and {@code os:} search qualifiers that match a device, derived
 * from what it reported: the one rule both the device list's {@code filters} object and the search columns use.
 * Null where the device did not report (or we do not know) the attribute.
 *
 * <p>{@code os} is the OS's short name and release: {@code raspios-13} for "Raspberry Pi OS" "13 (Trixie)",
 * {@code debian-12} for "Debian GNU/Linux" "12 (bookworm)". Releases are the major number, except Ubuntu's
 * year.month ones ({@code ubuntu-24.04}).
 */
public record DeviceFilters(String model, String memory, String os) {
    private static final Pattern VERSION = Pattern.compile("^\\s*(\\d+)(?:\\.(\\d+))?");
    private static final Pattern FIRST_WORD = Pattern.compile("[a-z0-9]+");

    public static DeviceFilters of(String boardModel, String boardMemory, String osName, String osVersion) {
        String model = boardModel == null ? null
                : BoardModel.byDisplayName(boardModel).map(BoardModel::queryValue).orElse(null);
        String memory = boardMemory == null ? null
                : MemorySize.byDisplayName(boardMemory).map(MemorySize::queryValue).orElse(null);
        return new DeviceFilters(model, memory, os(osName, osVersion));
    }

    /** {"model": ..., "memory": ..., "os": ...} with only the known ones, in that order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (model != null) m.put("model", model);
        if (memory != null) m.put("memory", memory);
        if (os != null) m.put("os", os);
        return m;
    }

    static String os(String name, String version) {
        String id = osId(name);
        if (id == null) return null;
        Matcher v = version == null ? null : VERSION.matcher(version);
        if (v == null || !v.find()) return id;
        String release = id.equals("ubuntu") && v.group(2) != null ? v.group(1) + "." + v.group(2) : v.group(1);
        return id + "-" + release;
    }

    private static String osId(String name) {
        if (name == null || name.isBlank()) return null;
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("raspberry pi os") || lower.startsWith("raspbian")) return "raspios";
        Matcher m = FIRST_WORD.matcher(lower);
        return m.find() ? m.group() : null;
    }
}
