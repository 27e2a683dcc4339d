package org.openrpiconnect.cloud.model;

import java.time.Duration;

/** An organisation; its free trial lasts four weeks from {@code trialStartedAt}. */
public record Organisation(String id, String name, long trialStartedAt, long createdAt) {
    public static final Duration TRIAL = Duration.ofDays(28);

    public long trialEndsAt() {
        return trialStartedAt + TRIAL.toMillis();
    }
}
