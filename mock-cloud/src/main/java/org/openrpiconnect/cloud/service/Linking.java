package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.PublicUrl;
import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.AuthKey;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.DeviceCode;
import org.openrpiconnect.cloud.model.DeviceIdentity;
import org.openrpiconnect.cloud.model.Owner;
import org.openrpiconnect.cloud.model.Role;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.security.UserCodes;
import org.openrpiconnect.cloud.store.AuthKeyStore;
import org.openrpiconnect.cloud.store.DeviceCodeStore;
import org.openrpiconnect.cloud.store.DeviceEventStore;
import org.openrpiconnect.cloud.store.DeviceIdentityStore;
import org.openrpiconnect.cloud.store.DeviceStore;
import org.openrpiconnect.cloud.store.OrganisationStore;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceCodeStart;
import org.openrpiconnect.protocol.device.DeviceCodeStatus;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.openrpiconnect.protocol.device.DeviceFacts;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.SignedInDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Linking a device to an owner: by device code (the user approves at /verify/CODE), by exchanging an auth key, or
 * by signing in with a device identity. All end in {@link #link}, which re-uses the record of the same board for the
 * same owner. An organisation pays for a device from its first link to it ({@code billable_since}).
 */
public final class Linking {
    private static final Logger LOG = LoggerFactory.getLogger(Linking.class);
    public static final Duration CODE_TTL = Duration.ofMinutes(15);
    public static final int POLL_INTERVAL_SECONDS = 1;
    private static final int MAX_SERIAL_LENGTH = 64;
    private static final String DEFAULT_NAME = "raspberrypi";

    private final Database db;
    private final DeviceStore devices;
    private final AuthKeyStore keys;
    private final DeviceCodeStore codes;
    private final DeviceIdentityStore identities;
    private final OrganisationStore organisations;
    private final DeviceEventStore events;
    private final Notifications notifications;
    private final Clock clock;
    private final PublicUrl publicUrl;

    public Linking(Database db, DeviceStore devices, AuthKeyStore keys, DeviceCodeStore codes,
                   DeviceIdentityStore identities, OrganisationStore organisations, DeviceEventStore events,
                   Notifications notifications, Clock clock, PublicUrl publicUrl) {
        this.db = db;
        this.devices = devices;
        this.keys = keys;
        this.codes = codes;
        this.identities = identities;
        this.organisations = organisations;
        this.events = events;
        this.notifications = notifications;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** Starts a device-code sign-in for a device whose key has already been checked. */
    public DeviceCodeStart startDeviceCode(DeviceFacts facts) {
        checkFacts(facts);
        long now = clock.millis();
        String deviceCode = Secrets.newSecret("");
        String userCode = UserCodes.generate();
        DeviceCode code = new DeviceCode(Secrets.newId(), facts, DeviceCode.PENDING, null, now,
                now + CODE_TTL.toMillis());
        db.inTransaction(c -> {
            codes.insert(c, code, Secrets.sha256Hex(deviceCode), Secrets.sha256Hex(userCode));
            return null;
        });
        LOG.info("device-code sign-in {} started for serial {}", code.id(), facts.serialNumber());
        return new DeviceCodeStart(deviceCode, userCode, publicUrl.get() + DeviceApi.VERIFY_PAGE_PREFIX + userCode,
                POLL_INTERVAL_SECONDS, (int) CODE_TTL.toSeconds());
    }

    public Optional<DeviceCode> findByDeviceCode(String deviceCode) {
        if (deviceCode == null || deviceCode.isBlank()) return Optional.empty();
        return db.read(c -> codes.findByDeviceCodeHash(c, Secrets.sha256Hex(deviceCode)));
    }

    public Optional<DeviceCode> findByUserCode(String userCode) {
        return UserCodes.normalise(userCode)
                .flatMap(code -> db.read(c -> codes.findByUserCodeHash(c, Secrets.sha256Hex(code))));
    }

    /** What a polling device is told: pending, complete with its device, or 410 when the code ran out. */
    public DeviceCodeStatus poll(DeviceCode code) {
        if (code.complete()) {
            Device d = db.read(c -> devices.findById(c, code.deviceId())).orElseThrow(() -> CloudError.device(
                    DeviceErrorCode.CODE_EXPIRED, "The device linked with this code was removed: run rpi-connect"
                            + " signin again"));
            return new DeviceCodeStatus(DeviceCodeStatus.COMPLETE, new SignedInDevice(d.id(), d.name()));
        }
        if (code.expiredAt(clock.millis())) throw codeExpired();
        return new DeviceCodeStatus(DeviceCodeStatus.PENDING, null);
    }

    /**
     * The signed-in user approves a device code: links the device to {@code owner} (the user, or an organisation
     * the user administers) under {@code name}.
     */
    public Device completeDeviceCode(String userCode, String userId, Owner owner, String name) {
        String deviceName = DeviceNames.require(name);
        String hash = UserCodes.normalise(userCode).map(Secrets::sha256Hex)
                .orElseThrow(() -> CloudError.notFound("This sign-in code is not valid: check the address"));
        Linked linked = db.inTransaction(c -> {
            requireMayLinkTo(c, userId, owner);
            long now = clock.millis();
            DeviceCode code = codes.findByUserCodeHash(c, hash)
                    .orElseThrow(() -> CloudError.notFound("This sign-in code is not valid: check the address"));
            if (code.complete()) throw CloudError.gone("This sign-in code was already used: the device is linked");
            if (code.expiredAt(now)) throw codeExpired();
            Linked l = link(c, owner, code.facts(), deviceName, List.of(), now);
            if (!codes.complete(c, code.id(), l.device().id(), now)) throw codeExpired();
            return l;
        });
        announce(linked, "device code");
        return linked.device();
    }

    /** Exchanges a single-use auth key for a device; a rejection creates nothing. */
    public Device exchangeAuthKey(String secret, DeviceFacts facts) {
        checkFacts(facts);
        String key = secret == null ? "" : secret.strip();
        if (!key.startsWith(Secrets.PERSONAL_AUTH_KEY_PREFIX) && !key.startsWith(Secrets.ORG_AUTH_KEY_PREFIX)) {
            throw unknownKey();
        }
        String hash = Secrets.sha256Hex(key);
        Linked linked = db.inTransaction(c -> {
            long now = clock.millis();
            AuthKey found = keys.findBySecretHash(c, hash).orElseThrow(Linking::unknownKey);
            if (!keys.claim(c, found.id(), now)) {
                // re-read: a concurrent exchange may just have used it
                throw rejection(keys.findById(c, found.id()).orElse(found), now);
            }
            Linked l = link(c, found.owner(), facts, found.deviceName(), found.tags(), now);
            keys.recordDevice(c, found.id(), l.device().id());
            return l;
        });
        announce(linked, "auth key");
        return linked.device();
    }

    /**
     * A device signs in with a device identity; the caller has checked that the request is signed with
     * {@code identityKey}. The first sign-in is the exchange: it applies the identity's device name and tags and
     * starts billing. Later ones (identities are multi-use) re-link the device under its current name.
     */
    public Device exchangeIdentity(PublicKey identityKey, DeviceFacts facts) {
        checkFacts(facts);
        try {
            DeviceKeys.parsePublicKey(facts.publicKey());
        } catch (DeviceKeys.InvalidKeyException e) {
            throw CloudError.device(DeviceErrorCode.BAD_REQUEST, "The device's public key is not usable ("
                    + e.getMessage() + "): send a PEM EC P-256 public key in device.public_key");
        }
        String fingerprint = DeviceIdentities.fingerprint(identityKey);
        Linked linked = db.inTransaction(c -> {
            long now = clock.millis();
            DeviceIdentity identity = identities.findByFingerprint(c, fingerprint)
                    .orElseThrow(Linking::unknownIdentity);
            boolean first = !identity.exchanged();
            Linked l = link(c, Owner.organisation(identity.organisationId()), facts,
                    first ? identity.deviceName() : null, first ? identity.tags() : List.of(), now);
            identities.recordExchange(c, identity.id(), l.device().id(), now);
            return l;
        });
        announce(linked, "device identity");
        return linked.device();
    }

    private record Linked(Device device, boolean relinked) {}

    /**
     * Creates the device, or re-links the owner's existing record of the same board: that keeps its id and name
     * (unless {@code name} is given) and takes the new key and facts.
     */
    private Linked link(Connection c, Owner owner, DeviceFacts facts, String name, List<String> tags, long now)
            throws SQLException {
        DeviceFacts.Board board = facts.board();
        DeviceFacts.Os os = facts.os();
        Optional<Device> existing = devices.findBySerial(c, owner, facts.serialNumber());
        if (existing.isPresent()) {
            Device old = existing.get();
            String newName = name != null ? name : old.name();
            Device d = new Device(old.id(), newName, old.serialNumber(), owner, facts.publicKey(), facts.hostname(),
                    board == null ? null : board.model(), board == null ? null : board.revision(),
                    board == null ? null : board.memory(), os == null ? null : os.name(),
                    os == null ? null : os.version(), facts.kernelArchitecture(), facts.clientVersion(),
                    tags.isEmpty() ? old.tags() : tags, old.createdAt(), now,
                    old.billableSince() != null ? old.billableSince() : billableSince(owner, now));
            devices.update(c, d);
            if (!newName.equals(old.name())) {
                events.insert(c, d.id(), DeviceEvent.RENAMED, Json.write(DeviceEvent.renamed(newName)), now);
            }
            return new Linked(d, true);
        }
        Device d = new Device(Secrets.newId(), name != null ? name : defaultName(facts), facts.serialNumber(), owner,
                facts.publicKey(), facts.hostname(), board == null ? null : board.model(),
                board == null ? null : board.revision(), board == null ? null : board.memory(),
                os == null ? null : os.name(), os == null ? null : os.version(), facts.kernelArchitecture(),
                facts.clientVersion(), tags, now, now, billableSince(owner, now));
        devices.insert(c, d);
        return new Linked(d, false);
    }

    /** Organisations pay for a device from its first link; personal devices are free. */
    private static Long billableSince(Owner owner, long now) {
        return owner.isUser() ? null : now;
    }

    private void requireMayLinkTo(Connection c, String userId, Owner owner) throws SQLException {
        if (owner.isUser()) {
            if (!owner.id().equals(userId)) throw CloudError.forbidden("You can only link devices to your own account");
            return;
        }
        if (organisations.roleOf(c, owner.id(), userId).orElse(null) != Role.ADMINISTRATOR) {
            throw CloudError.forbidden("Only administrators of an organisation can link devices to it: ask one of"
                    + " them, or choose your personal account");
        }
    }

    private void announce(Linked linked, String how) {
        Device d = linked.device();
        LOG.info("device {} {} to {} {} by {}", d.id(), linked.relinked() ? "re-linked" : "linked",
                d.owner().kind().dbValue(), d.owner().id(), how);
        if (linked.relinked()) notifications.deviceRelinked(d);
        else notifications.deviceLinked(d);
    }

    private static String defaultName(DeviceFacts facts) {
        String h = facts.hostname() == null ? "" : facts.hostname().strip();
        if (h.isEmpty() || DeviceNames.failure(h).isPresent()) return DEFAULT_NAME;
        return h;
    }

    private static void checkFacts(DeviceFacts facts) {
        String serial = facts == null ? null : facts.serialNumber();
        if (serial == null || serial.isBlank() || serial.length() > MAX_SERIAL_LENGTH) {
            throw CloudError.device(DeviceErrorCode.BAD_REQUEST, "The device did not report its serial number:"
                    + " check that /proc/cpuinfo or the device tree is readable");
        }
    }

    private static CloudError rejection(AuthKey key, long now) {
        if (key.usedAt() != null) return usedKey();
        if (key.revoked()) {
            return CloudError.device(DeviceErrorCode.AUTH_KEY_UNKNOWN, "This auth key was revoked or replaced by a"
                    + " newer one: create a new auth key and sign in with it");
        }
        if (key.expiredAt(now)) {
            return CloudError.device(DeviceErrorCode.AUTH_KEY_EXPIRED, "This auth key has expired: create a new"
                    + " auth key and use it before it expires");
        }
        return usedKey();
    }

    private static CloudError usedKey() {
        return CloudError.device(DeviceErrorCode.AUTH_KEY_USED, "This auth key was already used to link a device"
                + " (auth keys are single use): create a new auth key for this device");
    }

    private static CloudError unknownKey() {
        return CloudError.device(DeviceErrorCode.AUTH_KEY_UNKNOWN, "This auth key is not known to Raspberry Pi"
                + " Connect: check that you copied it whole, or create a new one");
    }

    private static CloudError unknownIdentity() {
        return CloudError.device(DeviceErrorCode.IDENTITY_UNKNOWN, "No device identity has this key: register the"
                + " device's public key with POST /organisation/device-identities, or check that it was not deleted");
    }

    private static CloudError codeExpired() {
        return CloudError.device(DeviceErrorCode.CODE_EXPIRED, "This sign-in code has expired: run rpi-connect"
                + " signin again for a new one");
    }
}
