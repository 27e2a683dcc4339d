package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.Actor;
import org.openrpiconnect.cloud.model.AuditAction;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.DeviceSearch;
import org.openrpiconnect.cloud.model.Membership;
import org.openrpiconnect.cloud.model.Owner;
import org.openrpiconnect.cloud.model.Page;
import org.openrpiconnect.cloud.model.PageRequest;
import org.openrpiconnect.cloud.model.Role;
import org.openrpiconnect.cloud.model.StoredDeviceEvent;
import org.openrpiconnect.cloud.store.DeviceEventStore;
import org.openrpiconnect.cloud.store.DeviceIdentityStore;
import org.openrpiconnect.cloud.store.DeviceStore;
import org.openrpiconnect.cloud.store.OrganisationStore;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linked devices after linking: who may see and change them, renaming, removal and sign-out. Every change a
 * connected device must hear about is recorded in device_events in the same transaction, so it reaches the device
 * whichever process made it.
 */
public final class Devices {
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    private final Database db;
    private final DeviceStore devices;
    private final OrganisationStore organisations;
    private final DeviceEventStore events;
    private final DeviceIdentityStore identities;
    private final AuditLog audit;
    private final Clock clock;

    public Devices(Database db, DeviceStore devices, OrganisationStore organisations, DeviceEventStore events,
                   DeviceIdentityStore identities, AuditLog audit, Clock clock) {
        this.db = db;
        this.devices = devices;
        this.organisations = organisations;
        this.events = events;
        this.identities = identities;
        this.audit = audit;
        this.clock = clock;
    }

    /** One page of the organisation's devices that match the search, sorted by name. */
    public Page<Device> listForOrganisation(String organisationId, DeviceSearch search, PageRequest page) {
        Owner owner = Owner.organisation(organisationId);
        return db.read(c -> new Page<>(devices.search(c, owner, search, page), page,
                devices.count(c, owner, search)));
    }

    /** The organisation's device, or a 404 that says how to find the right id. */
    public Device requireInOrganisation(Connection c, String organisationId, String deviceId) throws SQLException {
        return devices.findOwned(c, Owner.organisation(organisationId), deviceId).orElseThrow(() ->
                notInOrganisation(deviceId));
    }

    public static CloudError notInOrganisation(String deviceId) {
        return CloudError.notFound("No device with id " + deviceId + " in this organisation: list them with"
                + " GET /organisation/devices");
    }

    /** Deletes an organisation's device through the Management API; a connected device is signed out. */
    public void removeFromOrganisation(String organisationId, String deviceId, Actor actor) {
        Device d = db.inTransaction(c -> {
            Device device = requireInOrganisation(c, organisationId, deviceId);
            removeIn(c, device, actor);
            return device;
        });
        LOG.info("device {} deleted from organisation {} through the API", d.id(), organisationId);
    }

    /**
     * Deletes the device and queues its removal event (the event socket tells the device and closes, which signs
     * it out); a device identity that made it forgets it. Part of the caller's transaction; audited when
     * {@code actor} is given.
     */
    void removeIn(Connection c, Device d, Actor actor) throws SQLException {
        devices.delete(c, d.id());
        identities.forgetDevice(c, d.id());
        events.insert(c, d.id(), DeviceEvent.REMOVED,
                Json.write(DeviceEvent.removed("The device was removed from Raspberry Pi Connect")), clock.millis());
        if (actor != null && !d.owner().isUser()) {
            audit.record(c, d.owner().id(), AuditAction.DEVICE_DELETED,
                    new AuditLog.Subject("device", d.id(), d.name()), actor);
        }
    }

    public Optional<Device> find(String id) {
        return db.read(c -> devices.findById(c, id));
    }

    public Device require(String id) {
        return find(id).orElseThrow(() -> CloudError.notFound("No device with id " + id
                + ": list them with 'rpi-connect-cloud device list'"));
    }

    public List<Device> listAll() {
        return db.read(devices::listAll);
    }

    /** The user's personal devices and those of every organisation the user belongs to. */
    public List<Device> visibleTo(String userId) {
        return db.read(c -> {
            List<Owner> owners = new ArrayList<>();
            owners.add(Owner.user(userId));
            for (Membership m : organisations.membershipsOf(c, userId)) {
                owners.add(Owner.organisation(m.organisation().id()));
            }
            return devices.listByOwners(c, owners);
        });
    }

    /** The device when the user may see it (owner, or member of the owning organisation); 404 otherwise. */
    public Device requireVisible(String deviceId, String userId) {
        Device d = find(deviceId).orElseThrow(() -> CloudError.notFound("There is no such device: it may have"
                + " been removed"));
        if (!canSee(d, userId)) throw CloudError.notFound("There is no such device: it may have been removed");
        return d;
    }

    public boolean canSee(Device d, String userId) {
        if (d.owner().isUser()) return d.owner().id().equals(userId);
        return db.read(c -> organisations.roleOf(c, d.owner().id(), userId)).isPresent();
    }

    /** Owners and organisation administrators may rename and remove; members may only use the device. */
    public boolean canManage(Device d, String userId) {
        if (d.owner().isUser()) return d.owner().id().equals(userId);
        return db.read(c -> organisations.roleOf(c, d.owner().id(), userId)).orElse(null) == Role.ADMINISTRATOR;
    }

    public Device rename(String deviceId, String newName) {
        String name = DeviceNames.require(newName);
        boolean done = db.inTransaction(c -> {
            if (!devices.rename(c, deviceId, name)) return false;
            events.insert(c, deviceId, DeviceEvent.RENAMED, Json.write(DeviceEvent.renamed(name)), clock.millis());
            return true;
        });
        if (!done) throw CloudError.notFound("No device with id " + deviceId + ": it may have been removed");
        LOG.info("device {} renamed", deviceId);
        return require(deviceId);
    }

    /** Removes the device for good; a connected device is told and signed out. */
    public void remove(String deviceId) {
        boolean done = db.inTransaction(c -> {
            Optional<Device> d = devices.findById(c, deviceId);
            if (d.isEmpty()) return false;
            removeIn(c, d.get(), null);
            return true;
        });
        if (!done) throw CloudError.notFound("No device with id " + deviceId + ": it may have been removed already");
        LOG.info("device {} removed", deviceId);
    }

    /** The device signed itself out: forget its key (shown signed out) and close its sockets. */
    public void signOut(String deviceId, String why) {
        db.inTransaction(c -> {
            if (devices.clearPublicKey(c, deviceId)) {
                events.insert(c, deviceId, StoredDeviceEvent.SIGNED_OUT, "{}", clock.millis());
            }
            return null;
        });
        LOG.info("device {} signed out ({})", deviceId, why);
    }

    public void touch(String deviceId) {
        db.read(c -> {
            devices.touch(c, deviceId, clock.millis());
            return null;
        });
    }
}
