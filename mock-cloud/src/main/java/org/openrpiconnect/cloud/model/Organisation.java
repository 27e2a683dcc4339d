package org.openrpiconnect.cloud.model;

import java.time.Duration;

/**
 * An organisation. Its free trial lasts four weeks from {@code trialStartedAt} (an operator may move
 * {@code trialEndsAt}); after it, deployments need billing to be set up ({@code billingEnabled}).
 */
public record Organisation(String id, String name, long trialStartedAt, long trialEndsAt, boolean billingEnabled,
                           long createdAt) {
    public static final Duration TRIAL = Duration.ofDays(28);

    /** A new organisation: its trial starts now. */
    public static Organisation startingTrial(String id, String name, long now) {
        return new Organisation(id, name, now, now + TRIAL.toMillis(), false, now);
    }

    public boolean trialOverAt(long nowMillis) {
        return nowMillis >= trialEndsAt;
    }

    /** The documented 403: the trial has ended and billing has not been set up. */
    public boolean deploymentsBlockedAt(long nowMillis) {
        return trialOverAt(nowMillis) && !billingEnabled;
    }
}
