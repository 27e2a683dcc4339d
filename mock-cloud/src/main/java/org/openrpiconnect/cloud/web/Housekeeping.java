package org.openrpiconnect.cloud.web;

import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.service.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Prunes what is only kept for a while: delivered device events, finished sign-in codes, expired sessions, audit
 * events older than 90 days; and keeps the database's planner statistics fresh (the device search relies on them).
 */
public final class Housekeeping implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    static final Duration EVENTS_KEPT = Duration.ofMinutes(10);
    static final Duration CODES_KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final Cloud cloud;

    public Housekeeping(Cloud cloud) {
        this.cloud = cloud;
    }

    @Override
    public void run() {
        try {
            long now = cloud.clock.millis();
            int[] counts = cloud.db.inTransaction(c -> new int[] {
                    cloud.deviceEventStore.deleteBefore(c, now - EVENTS_KEPT.toMillis()),
                    cloud.deviceCodeStore.deleteExpiredBefore(c, now - CODES_KEPT_AFTER_EXPIRY.toMillis()),
                    cloud.webSessionStore.deleteExpired(c, now),
                    cloud.auditEventStore.deleteBefore(c, now - AuditLog.KEPT.toMillis())});
            LOG.debug("pruned {} events, {} sign-in codes, {} sessions, {} audit events", counts[0], counts[1],
                    counts[2], counts[3]);
            cloud.db.refreshStatistics();
        } catch (RuntimeException e) {
            LOG.warn("pruning old rows failed (will retry): {}", e.getMessage());
        }
    }
}
