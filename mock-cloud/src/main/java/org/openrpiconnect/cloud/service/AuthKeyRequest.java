package org.openrpiconnect.cloud.service;

import java.util.ArrayList;
import java.util.List;

/**
 * What a new auth key should be, from a page, the Management API or the command line, and the rules it must meet
 * (seed 001: ttl 1-90 days, default 1; tags as {@link Tags} says).
 *
 * @param ttlDays null for the default (1 day)
 */
public record AuthKeyRequest(String description, Integer ttlDays, String deviceName, List<String> tags) {
    public static final int DEFAULT_TTL_DAYS = 1;
    public static final int MAX_TTL_DAYS = 90;

    public AuthKeyRequest {
        description = Descriptions.normalise(description);
        deviceName = deviceName == null || deviceName.isBlank() ? null : deviceName.strip();
        tags = Tags.normalise(tags);
    }

    public int effectiveTtlDays() {
        return ttlDays == null ? DEFAULT_TTL_DAYS : ttlDays;
    }

    /** The failures, in the wording of the Management API's 422 bodies; empty when valid. */
    public List<String> failures() {
        List<String> failures = new ArrayList<>(Descriptions.failures(description));
        if (ttlDays != null && (ttlDays < 1 || ttlDays > MAX_TTL_DAYS)) {
            failures.add("Ttl days must be between 1 and " + MAX_TTL_DAYS);
        }
        if (deviceName != null) DeviceNames.failure(deviceName).ifPresent(f -> failures.add("Device " + f));
        failures.addAll(Tags.failures(tags));
        return failures;
    }

    public void validate() {
        List<String> failures = failures();
        if (!failures.isEmpty()) throw CloudError.validation(failures);
    }
}
