package org.openrpiconnect.protocol.device;

/**
 * A deployment as the device sees it: what to fetch (artefact {@code uri}, hex SHA-256 {@code checksum}) and its
 * state. Times are ISO 8601 UTC.
 */
public record DeviceDeployment(String id, DeploymentState state, String stateReason, String artefactId,
                               String artefactName, String uri, String checksum, String createdAt,
                               String updatedAt) {}
