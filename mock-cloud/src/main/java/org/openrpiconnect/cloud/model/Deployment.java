package org.openrpiconnect.cloud.model;

import org.openrpiconnect.protocol.device.DeploymentState;

/** An artefact deployed to a device; {@code stateReason} says why a failed one failed, null otherwise. */
public record Deployment(String id, String organisationId, String deviceId, String artefactId, DeploymentState state,
                         String stateReason, long createdAt, long updatedAt) {}
