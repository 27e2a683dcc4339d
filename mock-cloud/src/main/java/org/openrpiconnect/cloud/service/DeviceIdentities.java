package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.Actor;
import org.openrpiconnect.cloud.model.AuditAction;
import org.openrpiconnect.cloud.model.DeviceIdentity;
import org.openrpiconnect.cloud.model.Owner;
import org.openrpiconnect.cloud.model.Page;
import org.openrpiconnect.cloud.model.PageRequest;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.store.DeviceIdentityStore;
import org.openrpiconnect.cloud.store.DeviceStore;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.RequestSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Device identities of an organisation: created with the device's public key and a signature by its private key
 * (proof that the caller holds the device), listed, shown, updated (only the description once exchanged) and deleted
 * (with the device it made). Exchanging one for a device is {@link Linking}'s job.
 */
public final class DeviceIdentities {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceIdentities.class);

    private final Database db;
    private final DeviceIdentityStore identities;
    private final DeviceStore deviceStore;
    private final Devices devices;
    private final AuditLog audit;
    private final Clock clock;

    /** What a new identity should be; {@code deviceName} and {@code tags} apply at the exchange. */
    public record NewIdentity(String publicKey, String description, String deviceName, List<String> tags) {}

    /**
     * Changes to an identity: null description or tags, or {@code !hasDeviceName}, keep the current value; a
     * blank device name clears it (the device's hostname is used).
     */
    public record Changes(String description, boolean hasDeviceName, String deviceName, List<String> tags) {}

    /** The X-Connect-Identity-Signature check, which only the web layer can make (it signs the HTTP request). */
    public enum Proof { MISSING, BAD, GOOD }

    public DeviceIdentities(Database db, DeviceIdentityStore identities, DeviceStore deviceStore, Devices devices,
                            AuditLog audit, Clock clock) {
        this.db = db;
        this.identities = identities;
        this.deviceStore = deviceStore;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an identity; any failure (a bad key or signature included) stores nothing. */
    public DeviceIdentity create(String organisationId, NewIdentity request, Function<PublicKey, Proof> proof,
                                 Actor actor) {
        List<String> failures = new ArrayList<>();
        PublicKey key = null;
        String pem = request.publicKey() == null ? "" : request.publicKey().strip();
        if (pem.isEmpty()) {
            failures.add("Public key can't be blank");
        } else {
            try {
                key = DeviceKeys.parsePublicKey(pem);
            } catch (DeviceKeys.InvalidKeyException e) {
                failures.add("Public key is invalid");
            }
        }
        if (key != null) {
            Proof p = proof.apply(key);
            if (p == Proof.MISSING) failures.add("Signature can't be blank");
            else if (p == Proof.BAD) failures.add("Signature is invalid");
        }
        String description = Descriptions.normalise(request.description());
        failures.addAll(Descriptions.failures(description));
        String deviceName = deviceName(request.deviceName(), failures);
        List<String> tags = Tags.normalise(request.tags());
        failures.addAll(Tags.failures(tags));
        if (!failures.isEmpty()) throw CloudError.validation(failures);

        String fingerprint = fingerprint(key);
        DeviceIdentity identity = new DeviceIdentity(Secrets.newId(), organisationId, request.publicKey(),
                description, deviceName, tags, clock.millis(), null, null);
        db.inTransaction(c -> {
            if (identities.fingerprintExists(c, fingerprint)) {
                throw CloudError.validation(List.of("Public key has already been taken"));
            }
            identities.insert(c, identity, fingerprint);
            audit.record(c, organisationId, AuditAction.DEVICE_IDENTITY_CREATED, subject(identity), actor);
            return null;
        });
        LOG.info("device identity {} created in organisation {}", identity.id(), organisationId);
        return identity;
    }

    public Page<DeviceIdentity> list(String organisationId, PageRequest page) {
        return db.read(c -> new Page<>(identities.page(c, organisationId, page), page,
                identities.count(c, organisationId)));
    }

    public DeviceIdentity show(String organisationId, String id) {
        return db.read(c -> identities.findInOrganisation(c, organisationId, id)).orElseThrow(() -> notFound(id));
    }

    /** Once exchanged, only the description changes: device name and tags were applied at the exchange. */
    public DeviceIdentity update(String organisationId, String id, Changes changes, Actor actor) {
        DeviceIdentity updated = db.inTransaction(c -> {
            DeviceIdentity old = identities.findInOrganisation(c, organisationId, id).orElseThrow(() -> notFound(id));
            List<String> failures = new ArrayList<>();
            String description = old.description();
            if (changes.description() != null) {
                description = Descriptions.normalise(changes.description());
                failures.addAll(Descriptions.failures(description));
            }
            String deviceName = old.deviceName();
            List<String> tags = old.tags();
            if (!old.exchanged()) {
                if (changes.hasDeviceName()) deviceName = deviceName(changes.deviceName(), failures);
                if (changes.tags() != null) {
                    tags = Tags.normalise(changes.tags());
                    failures.addAll(Tags.failures(tags));
                }
            }
            if (!failures.isEmpty()) throw CloudError.validation(failures);
            DeviceIdentity next = new DeviceIdentity(old.id(), old.organisationId(), old.publicKey(), description,
                    deviceName, tags, old.createdAt(), old.exchangedAt(), old.deviceId());
            identities.update(c, next);
            audit.record(c, organisationId, AuditAction.DEVICE_IDENTITY_UPDATED, subject(next), actor);
            return next;
        });
        LOG.info("device identity {} updated", id);
        return updated;
    }

    /** Deletes the identity; the device it made (if any) is deleted too and signed out. */
    public void delete(String organisationId, String id, Actor actor) {
        String deviceId = db.inTransaction(c -> {
            DeviceIdentity i = identities.findInOrganisation(c, organisationId, id).orElseThrow(() -> notFound(id));
            String linked = null;
            if (i.deviceId() != null) {
                var device = deviceStore.findOwned(c, Owner.organisation(organisationId), i.deviceId());
                if (device.isPresent()) {
                    devices.removeIn(c, device.get(), actor);
                    linked = device.get().id();
                }
            }
            identities.delete(c, i.id());
            audit.record(c, organisationId, AuditAction.DEVICE_IDENTITY_DELETED, subject(i), actor);
            return linked;
        });
        LOG.info("device identity {} deleted{}", id, deviceId == null ? "" : " with its device " + deviceId);
    }

    /** SHA-256 (hex) of the key's DER SubjectPublicKeyInfo: the same key however its PEM is wrapped. */
    public static String fingerprint(PublicKey key) {
        return RequestSignature.sha256Hex(key.getEncoded());
    }

    private static String deviceName(String requested, List<String> failures) {
        if (requested == null || requested.isBlank()) return null;
        DeviceNames.failure(requested).ifPresent(f -> failures.add("Device " + f));
        return requested.strip();
    }

    private static AuditLog.Subject subject(DeviceIdentity i) {
        return new AuditLog.Subject("device_identity", i.id(), i.description());
    }

    static CloudError notFound(String id) {
        return CloudError.notFound("No device identity with id " + id + " in this organisation: list them with"
                + " GET /organisation/device-identities");
    }
}
