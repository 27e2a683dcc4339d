package org.openrpiconnect.cloud.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a new auth key should be, from a page, the Management API or the command line, and the rules it must meet
 * (seed 001: ttl 1-90 days, default 1; at most 10 tags of at most 30 characters of [a-z0-9_-]).
 *
 * @param ttlDays null for the default (1 day)
 */
public record AuthKeyRequest(String description, Integer ttlDays, String deviceName, List<String> tags) {
    public static final int DEFAULT_TTL_DAYS = 1;
    public static final int MAX_TTL_DAYS = 90;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG_LENGTH = 30;
    public static final int MAX_DESCRIPTION_LENGTH = 255;
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{1," + MAX_TAG_LENGTH + "}");

    public AuthKeyRequest {
        description = description == null ? "" : description.strip();
        deviceName = deviceName == null || deviceName.isBlank() ? null : deviceName.strip();
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    public int effectiveTtlDays() {
        return ttlDays == null ? DEFAULT_TTL_DAYS : ttlDays;
    }

    /** The failures, in the wording of the Management API's 422 bodies; empty when valid. */
    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        if (description.isEmpty()) failures.add("Description can't be blank");
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            failures.add("Description is too long (maximum is " + MAX_DESCRIPTION_LENGTH + " characters)");
        }
        if (ttlDays != null && (ttlDays < 1 || ttlDays > MAX_TTL_DAYS)) {
            failures.add("Ttl days must be between 1 and " + MAX_TTL_DAYS);
        }
        if (deviceName != null) DeviceNames.failure(deviceName).ifPresent(f -> failures.add("Device " + f));
        if (tags.size() > MAX_TAGS) failures.add("Tags can't contain more than " + MAX_TAGS + " tags");
        if (!tags.stream().allMatch(t -> TAG.matcher(t).matches())) {
            failures.add("Tags must contain only lowercase letters, numbers, hyphens, and underscores, with a"
                    + " maximum length of " + MAX_TAG_LENGTH + " characters");
        }
        return failures;
    }

    public void validate() {
        List<String> failures = failures();
        if (!failures.isEmpty()) throw CloudError.validation(failures);
    }
}
