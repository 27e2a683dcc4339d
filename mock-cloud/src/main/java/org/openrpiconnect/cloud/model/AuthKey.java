package org.openrpiconnect.cloud.model;

import java.util.List;

/** An auth key as stored (without its secret, which only exists at creation). */
public record AuthKey(String id, AuthKeyKind kind, Owner owner, String description, String deviceName,
                      List<String> tags, long createdAt, long expiresAt, Long usedAt, String usedByDevice,
                      boolean revoked) {

    public boolean expiredAt(long nowMillis) {
        return expiresAt <= nowMillis;
    }

    /** For display: used, revoked, expired or active. */
    public String stateAt(long nowMillis) {
        if (usedAt != null) return "used";
        if (revoked) return "revoked";
        if (expiredAt(nowMillis)) return "expired";
        return "active";
    }
}
