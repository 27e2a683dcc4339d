package org.openrpiconnect.protocol.device;

/**
 * What a device reports on a deployment ({@link DeviceApi#DEPLOYMENT_STATE}): {@code in_progress},
 * {@code succeeded} or {@code failed}; {@code stateReason} says why it failed (e.g. "Checksum mismatch").
 */
public record DeploymentReport(DeploymentState state, String stateReason) {}
