package org.openrpiconnect.protocol.board;

import java.util.Optional;

/** Memory sizes: bits 20-22 of a new-style revision code, the display text, and the {@code memory:} qualifier. */
public enum MemorySize {
    MB_256(0, "256 MB", "256mb"),
    MB_512(1, "512 MB", "512mb"),
    GB_1(2, "1 GB", "1gb"),
    GB_2(3, "2 GB", "2gb"),
    GB_4(4, "4 GB", "4gb"),
    GB_8(5, "8 GB", "8gb"),
    GB_16(6, "16 GB", "16gb");

    private final int code;
    private final String displayName;
    private final String queryValue;

    MemorySize(int code, String displayName, String queryValue) {
        this.code = code;
        this.displayName = displayName;
        this.queryValue = queryValue;
    }

    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public String queryValue() {
        return queryValue;
    }

    public static Optional<MemorySize> byCode(int code) {
        for (MemorySize m : values()) {
            if (m.code == code) return Optional.of(m);
        }
        return Optional.empty();
    }

    public static Optional<MemorySize> byDisplayName(String name) {
        for (MemorySize m : values()) {
            if (m.displayName.equals(name)) return Optional.of(m);
        }
        return Optional.empty();
    }

    public static Optional<MemorySize> byQueryValue(String value) {
        for (MemorySize m : values()) {
            if (m.queryValue.equalsIgnoreCase(value)) return Optional.of(m);
        }
        return Optional.empty();
    }
}
