package org.openrpiconnect.cloud.model;

import java.util.List;

/**
 * A linked device. {@code publicKey} is null while the device is signed out (signed out on the device, or after a
 * serial mismatch); the record stays so that re-linking the same board keeps its name. {@code billableSince}: when
 * an organisation's device was first linked to it (null for personal devices, which are free).
 */
public record Device(String id, String name, String serialNumber, Owner owner, String publicKey, String hostname,
                     String boardModel, String boardRevision, String boardMemory, String osName, String osVersion,
                     String kernelArchitecture, String clientVersion, List<String> tags, long createdAt,
                     Long lastSeen, Long billableSince) {
    public boolean signedIn() {
        return publicKey != null;
    }

    public DeviceFilters filters() {
        return DeviceFilters.of(boardModel, boardMemory, osName, osVersion);
    }

    public Device withTags(List<String> newTags) {
        return new Device(id, name, serialNumber, owner, publicKey, hostname, boardModel, boardRevision, boardMemory,
                osName, osVersion, kernelArchitecture, clientVersion, List.copyOf(newTags), createdAt, lastSeen,
                billableSince);
    }
}
