package org.openrpiconnect.cloud.model;

import java.util.List;

/**
 * A linked device. {@code publicKey} is null while the device is signed out (signed out on the device, or after a
 * serial mismatch); the record stays so that re-linking the same board keeps its name.
 */
public record Device(String id, String name, String serialNumber, Owner owner, String publicKey, String hostname,
                     String boardModel, String boardRevision, String boardMemory, String osName, String osVersion,
                     String kernelArchitecture, String clientVersion, List<String> tags, long createdAt,
                     Long lastSeen) {
    public boolean signedIn() {
        return publicKey != null;
    }
}
