package org.openrpiconnect.protocol.device;

/** {@code status} is {@code pending} or {@code complete}; when complete, {@code device} is set. */
public record DeviceCodeStatus(String status, SignedInDevice device) {
    public static final String PENDING = "pending";
    public static final String COMPLETE = "complete";
}
