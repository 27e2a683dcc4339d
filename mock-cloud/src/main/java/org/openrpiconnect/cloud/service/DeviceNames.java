package org.openrpiconnect.cloud.service;

import java.util.Optional;

/** The one rule for device names: 1 to 64 characters, no control characters. */
public final class DeviceNames {
    public static final int MAX_LENGTH = 64;

    private DeviceNames() {}

    /** "name can't be blank" style failure (to be prefixed with the field's label), empty when fine. */
    public static Optional<String> failure(String name) {
        String s = name == null ? "" : name.strip();
        if (s.isEmpty()) return Optional.of("name can't be blank");
        if (s.length() > MAX_LENGTH) return Optional.of("name is too long (maximum is " + MAX_LENGTH + " characters)");
        if (s.chars().anyMatch(Character::isISOControl)) return Optional.of("name can't contain control characters");
        return Optional.empty();
    }

    /** The trimmed name, or a validation error. */
    public static String require(String name) {
        failure(name).ifPresent(f -> {
            throw CloudError.validation(java.util.List.of("Device " + f));
        });
        return name.strip();
    }
}
