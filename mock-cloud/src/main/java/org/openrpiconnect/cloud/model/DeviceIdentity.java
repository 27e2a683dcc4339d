package org.openrpiconnect.cloud.model;

import java.util.List;

/**
 * A device's key registered with an organisation ahead of its first sign-in. Until it is exchanged (the device
 * signs in with it) its description, device name and tags may change; after, only its description.
 *
 * @param publicKey   the PEM as given at creation
 * @param exchangedAt the first sign-in (billing for the device starts then); null before
 * @param deviceId    the device that sign-in made; null before, or after that device was deleted
 */
public record DeviceIdentity(String id, String organisationId, String publicKey, String description,
                             String deviceName, List<String> tags, long createdAt, Long exchangedAt,
                             String deviceId) {
    public boolean exchanged() {
        return exchangedAt != null;
    }
}
