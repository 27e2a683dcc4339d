package org.openrpiconnect.cloud.model;

/** What an audit event records: a stable key (stored) and the label the audit log shows. */
public enum AuditAction {
    AUTH_KEY_CREATED("auth_key.created", "Auth key created"),
    DEVICE_DELETED("device.deleted", "Device deleted"),
    DEVICE_IDENTITY_CREATED("device_identity.created", "Device identity created"),
    DEVICE_IDENTITY_UPDATED("device_identity.updated", "Device identity updated"),
    DEVICE_IDENTITY_DELETED("device_identity.deleted", "Device identity deleted"),
    ARTEFACT_CREATED("artefact.created", "Artefact created"),
    ARTEFACT_DELETED("artefact.deleted", "Artefact deleted"),
    DEPLOYMENT_CREATED("deployment.created", "Deployment created"),
    DEPLOYMENT_CANCELLED("deployment.cancelled", "Deployment cancelled");

    private final String key;
    private final String label;

    AuditAction(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
