package org.openrpiconnect.protocol.board;

import java.util.Optional;

/**
 * Raspberry Pi models: the type field (bits 4-11) of a new-style revision code, the model name the Management API
 * shows in {@code board.model}, and the value of the {@code model:} search qualifier (seed 001's table; the values
 * column did not survive in our copy of it, so they are ours: lowercase, no spaces, "model:5" as the seed shows).
 */
public enum BoardModel {
    A(0x00, "Raspberry Pi A", "a"),
    B(0x01, "Raspberry Pi B", "b"),
    A_PLUS(0x02, "Raspberry Pi A+", "a+"),
    B_PLUS(0x03, "Raspberry Pi B+", "b+"),
    PI_2B(0x04, "Raspberry Pi 2B", "2b"),
    CM1(0x06, "Raspberry Pi CM1", "cm1"),
    PI_3B(0x08, "Raspberry Pi 3B", "3b"),
    ZERO(0x09, "Raspberry Pi Zero", "zero"),
    CM3(0x0a, "Raspberry Pi CM3", "cm3"),
    ZERO_W(0x0c, "Raspberry Pi Zero W", "zero-w"),
    PI_3B_PLUS(0x0d, "Raspberry Pi 3B+", "3b+"),
    PI_3A_PLUS(0x0e, "Raspberry Pi 3A+", "3a+"),
    CM3_PLUS(0x10, "Raspberry Pi CM3+", "cm3+"),
    PI_4B(0x11, "Raspberry Pi 4B", "4b"),
    ZERO_2_W(0x12, "Raspberry Pi Zero 2 W", "zero-2-w"),
    PI_400(0x13, "Raspberry Pi 400", "400"),
    CM4(0x14, "Raspberry Pi CM4", "cm4"),
    CM4S(0x15, "Raspberry Pi CM4S", "cm4s"),
    PI_5(0x17, "Raspberry Pi 5", "5"),
    CM5(0x18, "Raspberry Pi CM5", "cm5"),
    PI_500(0x19, "Raspberry Pi 500", "500"),
    CM5_LITE(0x1a, "Raspberry Pi CM5 Lite", "cm5-lite"),
    /** Type code not confirmed from an official table here; 0x1b is our assumption. */
    CM0(0x1b, "Raspberry Pi CM0", "cm0");

    private final int typeCode;
    private final String displayName;
    private final String queryValue;

    BoardModel(int typeCode, String displayName, String queryValue) {
        this.typeCode = typeCode;
        this.displayName = displayName;
        this.queryValue = queryValue;
    }

    public int typeCode() {
        return typeCode;
    }

    public String displayName() {
        return displayName;
    }

    public String queryValue() {
        return queryValue;
    }

    public static Optional<BoardModel> byTypeCode(int code) {
        for (BoardModel m : values()) {
            if (m.typeCode == code) return Optional.of(m);
        }
        return Optional.empty();
    }

    public static Optional<BoardModel> byDisplayName(String name) {
        for (BoardModel m : values()) {
            if (m.displayName.equals(name)) return Optional.of(m);
        }
        return Optional.empty();
    }

    public static Optional<BoardModel> byQueryValue(String value) {
        for (BoardModel m : values()) {
            if (m.queryValue.equalsIgnoreCase(value)) return Optional.of(m);
        }
        return Optional.empty();
    }
}
