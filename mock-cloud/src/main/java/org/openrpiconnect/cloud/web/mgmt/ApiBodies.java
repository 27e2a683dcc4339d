package org.openrpiconnect.cloud.web.mgmt;

import org.openrpiconnect.cloud.model.Artefact;
import org.openrpiconnect.cloud.model.Deployment;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.DeviceIdentity;
import org.openrpiconnect.cloud.web.Times;

import java.util.List;
import java.util.Map;

/** The Management API's response bodies, fields named and ordered as seed 001 shows them. */
final class ApiBodies {
    private ApiBodies() {}

    record CreatedAuthKey(String id, String description, String deviceName, List<String> tags, String secret,
                          String expiresAt) {}

    record Board(String model, String revision, String memory) {}

    record Os(String name, String version) {}

    /** board, os and kernel_architecture are null when the device did not report them; filters only what is known. */
    record DeviceBody(String id, String name, String serialNumber, List<String> tags, Board board, Os os,
                      String kernelArchitecture, Map<String, String> filters) {
        static DeviceBody of(Device d) {
            Board board = d.boardModel() == null && d.boardRevision() == null && d.boardMemory() == null ? null
                    : new Board(d.boardModel(), d.boardRevision(), d.boardMemory());
            Os os = d.osName() == null && d.osVersion() == null ? null : new Os(d.osName(), d.osVersion());
            return new DeviceBody(d.id(), d.name(), d.serialNumber(), d.tags(), board, os, d.kernelArchitecture(),
                    d.filters().asMap());
        }
    }

    /** The 201 of "create a device identity" (no tags, as documented). */
    record CreatedIdentity(String id, String description, String deviceName, String createdAt, String publicKey) {
        static CreatedIdentity of(DeviceIdentity i) {
            return new CreatedIdentity(i.id(), i.description(), i.deviceName(), Times.iso(i.createdAt()),
                    i.publicKey());
        }
    }

    record IdentityBody(String id, String description, String deviceName, List<String> tags, String createdAt,
                        String publicKey) {
        static IdentityBody of(DeviceIdentity i) {
            return new IdentityBody(i.id(), i.description(), i.deviceName(), i.tags(), Times.iso(i.createdAt()),
                    i.publicKey());
        }
    }

    record ArtefactBody(String id, String name, String uri, String checksum) {
        static ArtefactBody of(Artefact a) {
            return new ArtefactBody(a.id(), a.name(), a.uri(), a.checksum());
        }
    }

    record DeploymentBody(String id, String state, String stateReason, String deviceId, String artefactId,
                          String createdAt, String updatedAt) {
        static DeploymentBody of(Deployment d) {
            return new DeploymentBody(d.id(), d.state().wire(), d.stateReason(), d.deviceId(), d.artefactId(),
                    Times.iso(d.createdAt()), Times.iso(d.updatedAt()));
        }
    }
}
