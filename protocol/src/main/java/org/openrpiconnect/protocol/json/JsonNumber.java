package org.openrpiconnect.protocol.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number, kept as its literal text (so it is written back exactly as it was read, and no precision is lost
 * on the way). Two numbers are equal when their literals are: {@code 1} and {@code 1.0} are not.
 */
public record JsonNumber(String literal) implements JsonValue {
    public JsonNumber {
        Objects.requireNonNull(literal, "literal");
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /** True when the literal has no fraction and no exponent (like {@code 42} or {@code -7}). */
    public boolean isIntegral() {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') return false;
        }
        return true;
    }

    /** True when the literal is a whole number in the range of {@code int}. */
    public boolean isInt() {
        if (!isIntegral() || literal.length() > 11) return false;
        long v = Long.parseLong(literal);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    /** True when the literal is a whole number in the range of {@code long}. */
    public boolean isLong() {
        if (!isIntegral() || literal.length() > 20) return false;
        try {
            Long.parseLong(literal);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The value as an {@code int}; only meaningful when {@link #isInt()}. */
    public int intValue() {
        return Integer.parseInt(literal);
    }

    /** The value as a {@code long}; only meaningful when {@link #isLong()}. */
    public long longValue() {
        return Long.parseLong(literal);
    }

    public double doubleValue() {
        return Double.parseDouble(literal);
    }

    public BigDecimal decimalValue() {
        return new BigDecimal(literal);
    }

    @Override
    public String toString() {
        return literal;
    }
}
