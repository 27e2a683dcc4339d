package org.openrpiconnect.daemon.link;

import org.openrpiconnect.daemon.CalendarText;
import org.openrpiconnect.daemon.Problems;
import org.openrpiconnect.daemon.Scheduling;
import org.openrpiconnect.daemon.board.BoardFacts;
import org.openrpiconnect.daemon.board.BoardFactsReader;
import org.openrpiconnect.daemon.cloud.Backoff;
import org.openrpiconnect.daemon.cloud.CloudClient;
import org.openrpiconnect.daemon.cloud.CloudException;
import org.openrpiconnect.daemon.cloud.DeviceSigner;
import org.openrpiconnect.daemon.cloud.EventSubscription;
import org.openrpiconnect.daemon.identity.IdentityException;
import org.openrpiconnect.daemon.identity.IdentityRequestSigner;
import org.openrpiconnect.daemon.identity.IdentitySigner;
import org.openrpiconnect.daemon.local.LocalApiException;
import org.openrpiconnect.daemon.state.DeviceState;
import org.openrpiconnect.daemon.state.IdentityPause;
import org.openrpiconnect.daemon.state.LinkLoad;
import org.openrpiconnect.daemon.state.StateStore;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.AuthKeySignIn;
import org.openrpiconnect.protocol.device.DeviceCodeStart;
import org.openrpiconnect.protocol.device.DeviceCodeStatus;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.IdentitySignIn;
import org.openrpiconnect.protocol.device.SignedInDevice;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.SignInResult;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The device's link with the cloud: signed out, signing in (device code pending), signed in (+ subscribed while
 * the event socket is open). Owns the credential and its key; every change of link goes through here.
 *
 * <p>Locking: short reads and writes of the fields under {@code this}; sign-in and sign-out, which talk to the
 * cloud, are serialised by {@link #linkChange} so status never waits for the network.
 */
public final class DeviceLink {
    private static final Logger log = LoggerFactory.getLogger(DeviceLink.class);

    /**
     * A usable link: the device's private key and the stored state. Compared by identity: callbacks of an old link
     * find a different object and change nothing. {@code state} changes (rename) under the DeviceLink's lock.
     */
    private static final class Credential {
        private final PrivateKey key;
        private DeviceState state;

        Credential(DeviceState state, PrivateKey key) {
            this.state = state;
            this.key = key;
        }

        PrivateKey key() {
            return key;
        }

        DeviceState state() {
            return state;
        }
    }

    /** Takes the session frames of the event socket (the remote session manager). */
    public interface SessionHandler {
        void onSignal(SessionSignal signal);

        /** The link ended: sessions end too. */
        void onSignedOut();
    }

    private static final SessionHandler NO_SESSIONS = new SessionHandler() {
        @Override
        public void onSignal(SessionSignal signal) {
            log.debug("No session handler: ignoring {}", signal.type());
        }

        @Override
        public void onSignedOut() {}
    };

    /** A call to the cloud made with the device's credential. */
    @FunctionalInterface
    public interface LinkedCall<T> {
        T call(DeviceSigner signer) throws CloudException;
    }

    private final StateStore store;
    private final BoardFactsReader board;
    private final CloudClient cloud;
    private final ScheduledExecutorService scheduler;
    private final Problems problems;
    private final Clock clock;
    private final ReentrantLock linkChange = new ReentrantLock();

    private String boardSerial;
    private Credential credential;
    private PendingSignIn pending;
    private EventSubscription subscription;
    private boolean subscribed;
    private List<Path> unreadableFiles = List.of();
    private volatile SessionHandler sessions = NO_SESSIONS;
    private volatile Runnable onHello = () -> { };

    public DeviceLink(StateStore store, BoardFactsReader board, CloudClient cloud, ScheduledExecutorService scheduler,
                      Problems problems, Clock clock) {
        this.store = store;
        this.board = board;
        this.cloud = cloud;
        this.scheduler = scheduler;
        this.problems = problems;
        this.clock = clock;
    }

    /** Who takes session frames; set before {@link #start()}. */
    public void handleSessions(SessionHandler handler) {
        sessions = handler;
    }

    /** Runs (on the socket's thread, briefly) each time the cloud greets a new event connection; set before start. */
    public void whenGreeted(Runnable action) {
        onHello = action;
    }

    /** Sends a session frame to the cloud on the event socket; false when it is not open. */
    public boolean sendSignal(SessionSignal signal) {
        return sendFrame(signal);
    }

    /** Sends a frame (any device -> cloud type of the event socket) without waiting; false when it is not open. */
    public boolean sendFrame(Object frame) {
        EventSubscription sub;
        synchronized (this) {
            sub = subscribed ? subscription : null;
        }
        return sub != null && sub.send(Json.write(frame));
    }

    /** Restores the link from disk and, when signed in, opens the event socket. */
    public void start() {
        String serial = board.serial();
        LinkLoad load = store.loadLink();
        Credential restored = null;
        synchronized (this) {
            boardSerial = serial;
            if (load instanceof LinkLoad.Linked linked) {
                restored = new Credential(linked.state(), linked.key());
                credential = restored;
            } else if (load instanceof LinkLoad.Unreadable unreadable) {
                unreadableFiles = unreadable.files();
                problems.set(Problems.Kind.STATE_FILE, unreadable.problem());
            }
        }
        if (load instanceof LinkLoad.Unreadable unreadable) {
            log.warn("Signed out: {}", unreadable.problem());
        }
        if (serial == null) {
            log.warn("No board serial number found (device tree, /proc/cpuinfo or /etc/machine-id): this device "
                    + "cannot sign in");
        }
        if (restored == null) {
            if (load instanceof LinkLoad.Absent) log.info("Not signed in");
            return;
        }
        DeviceState state = restored.state();
        if (state.serial() != null && !state.serial().equals(serial)) {
            signOutLocally(restored, SignOutReason.SERIAL_MISMATCH);
            tellCloudAboutMovedCard(restored, serial);
            return;
        }
        if (state.cloudUrl() != null && !state.cloudUrl().equals(cloud.endpoint().text())) {
            log.info("Linked with {} but configured for {}; using {} (device {})", state.cloudUrl(),
                    cloud.endpoint(), cloud.endpoint(), state.deviceId());
        }
        log.info("Signed in as {} (device {}), restored from {}", state.deviceName(), state.deviceId(),
                store.stateFile());
        startSubscription(restored);
    }

    /**
     * The card moved to another board: the cloud ends a link whose requests carry another serial, so one request
     * with the board's real serial lets it show the device signed out too. Best effort, in the background, with
     * the key still in memory (its file is already gone).
     */
    private void tellCloudAboutMovedCard(Credential old, String serial) {
        if (serial == null) return;
        Scheduling.now(scheduler, () -> {
            try {
                cloud.self(signer(old, serial));
            } catch (CloudException e) {
                log.debug("Told the cloud about the serial change: {} (device {})", e.getMessage(),
                        old.state().deviceId());
            }
        });
    }

    /** Closes the event socket without signing out (daemon shutdown). */
    public void stop() {
        EventSubscription sub;
        synchronized (this) {
            sub = subscription;
            subscription = null;
            subscribed = false;
            pending = null;
        }
        if (sub != null) sub.stop();
    }

    public synchronized LinkSnapshot snapshot() {
        // A code that ran out between two polls: say so now rather than at the next poll.
        if (pending != null && !clock.instant().isBefore(pending.expiresAt())) expire(pending);
        PendingSignIn p = pending;
        return new LinkSnapshot(credential != null, credential != null && subscribed,
                credential == null ? null : credential.state().deviceId(),
                credential == null ? null : credential.state().deviceName(),
                p == null ? null : p.verificationUrl());
    }

    public synchronized boolean isSignedIn() {
        return credential != null;
    }

    // ---- sign in ---------------------------------------------------------------------------------------------

    /** SIGNIN from the CLI: with an auth key, exchange it now; without one, start (or rejoin) a device-code flow. */
    public SignInResult signIn(String authKey) throws LocalApiException {
        if (authKey == null) return signInWithDeviceCode();
        if (authKey.isBlank()) {
            throw new LocalApiException(LocalErrorCode.BAD_REQUEST, "The auth key is empty. Pass the key from your "
                    + "Connect account: rpi-connect signin --auth-key=KEY (or --auth-key=@FILE).");
        }
        try {
            SignedInDevice device = signInWithAuthKey(authKey.trim());
            return new SignInResult(SignInResult.SIGNED_IN, null, device.name());
        } catch (CloudException e) {
            log.warn("Sign-in with an auth key failed: {}", e.getMessage());
            throw CloudErrors.toLocal(e);
        }
    }

    /**
     * Exchanges an auth key for a link with a fresh key pair. Local refusals (already signed in, no serial) come as
     * {@link LocalApiException}; the cloud's as {@link CloudException}, for the caller to judge.
     */
    public SignedInDevice signInWithAuthKey(String authKey) throws LocalApiException, CloudException {
        linkChange.lock();
        try {
            refuseIfSignedIn();
            BoardFacts facts = factsWithSerial();
            KeyPair keys = DeviceKeys.generate();
            DeviceSigner signer = new DeviceSigner(keys.getPrivate(), facts.serial(), null, clock);
            SignedInDevice device = cloud.signInWithAuthKey(signer,
                    new AuthKeySignIn(authKey, facts.toDeviceFacts(DeviceKeys.publicKeyPem(keys.getPublic()))));
            completeLink(device, keys.getPrivate(), facts.serial());
            log.info("Signed in as {} (device {}) with an auth key", device.name(), device.deviceId());
            return device;
        } finally {
            linkChange.unlock();
        }
    }

    /**
     * Signs in with a device identity: the request is signed with the identity's key, and carries the public half
     * of a fresh device key pair, which signs every later request (as after any other sign-in). Local refusals come
     * as {@link LocalApiException}, an unusable identity as {@link IdentityException}, the cloud's answers as
     * {@link CloudException}.
     */
    public SignedInDevice signInWithIdentity(IdentitySigner identity)
            throws LocalApiException, CloudException, IdentityException {
        linkChange.lock();
        try {
            refuseIfSignedIn();
            BoardFacts facts = factsWithSerial();
            String identityKey = identity.publicKeyPem();
            KeyPair keys = DeviceKeys.generate();
            IdentitySignIn request = new IdentitySignIn(identityKey,
                    facts.toDeviceFacts(DeviceKeys.publicKeyPem(keys.getPublic())));
            IdentityRequestSigner signer = new IdentityRequestSigner(identity, facts.serial(), clock);
            SignedInDevice device = signer.call(s -> cloud.signInWithIdentity(s, request));
            completeLink(device, keys.getPrivate(), facts.serial());
            log.info("Signed in with device identity (device {}) as {}", device.deviceId(), device.name());
            return device;
        } finally {
            linkChange.unlock();
        }
    }

    private SignInResult signInWithDeviceCode() throws LocalApiException {
        linkChange.lock();
        try {
            refuseIfSignedIn();
            synchronized (this) {
                if (pending != null && clock.instant().isBefore(pending.expiresAt())) {
                    return new SignInResult(SignInResult.PENDING, pending.verificationUrl(), null);
                }
            }
            BoardFacts facts = factsWithSerial();
            KeyPair keys = DeviceKeys.generate();
            DeviceSigner signer = new DeviceSigner(keys.getPrivate(), facts.serial(), null, clock);
            DeviceCodeStart start;
            try {
                start = cloud.startDeviceCode(signer, facts.toDeviceFacts(DeviceKeys.publicKeyPem(keys.getPublic())));
            } catch (CloudException e) {
                log.warn("Could not start a sign-in: {}", e.getMessage());
                throw CloudErrors.toLocal(e);
            }
            long interval = Math.max(1, start.intervalSeconds());
            PendingSignIn p = new PendingSignIn(start.verificationUrl(), start.deviceCode(), signer, facts.serial(),
                    clock.instant().plusSeconds(Math.max(1, start.expiresIn())), interval);
            synchronized (this) {
                pending = p;
                problems.clear(Problems.Kind.LINK);
            }
            log.info("Sign-in started: waiting for the user to visit {}", p.verificationUrl());
            schedulePoll(p, Duration.ofSeconds(interval));
            return new SignInResult(SignInResult.PENDING, p.verificationUrl(), null);
        } finally {
            linkChange.unlock();
        }
    }

    private void schedulePoll(PendingSignIn p, Duration delay) {
        Scheduling.later(scheduler, () -> {
            try {
                poll(p);
            } catch (RuntimeException e) {
                log.error("Polling the sign-in failed: {}", e.toString());
                schedulePoll(p, Duration.ofSeconds(p.intervalSeconds()));
            }
        }, delay);
    }

    private void poll(PendingSignIn p) {
        synchronized (this) {
            if (pending != p) return; // completed, cancelled or replaced
        }
        if (!clock.instant().isBefore(p.expiresAt())) {
            expire(p);
            return;
        }
        DeviceCodeStatus status;
        try {
            status = cloud.pollDeviceCode(p.signer(), p.deviceCode());
        } catch (CloudException.Rejected e) {
            if (e.error().code() == DeviceErrorCode.CODE_EXPIRED) {
                expire(p);
                return;
            }
            log.warn("Polling the sign-in: {}", e.getMessage());
            long factor = e.error().code() == DeviceErrorCode.RATE_LIMITED ? 4 : 1;
            schedulePoll(p, Duration.ofSeconds(p.intervalSeconds() * factor));
            return;
        } catch (CloudException e) {
            log.info("Polling the sign-in: {}; trying again", e.getMessage());
            schedulePoll(p, Duration.ofSeconds(p.intervalSeconds()));
            return;
        }
        if (status != null && DeviceCodeStatus.COMPLETE.equals(status.status()) && status.device() != null) {
            finishDeviceCode(p, status.device());
        } else {
            schedulePoll(p, Duration.ofSeconds(p.intervalSeconds()));
        }
    }

    private void finishDeviceCode(PendingSignIn p, SignedInDevice device) {
        linkChange.lock();
        try {
            synchronized (this) {
                if (pending != p || credential != null) return;
            }
            completeLink(device, p.key(), p.serial());
            log.info("Signed in as {} (device {}) with the sign-in link", device.name(), device.deviceId());
        } catch (LocalApiException e) {
            log.error("Sign-in completed in the cloud but could not be saved: {}", e.getMessage());
            synchronized (this) {
                if (pending == p) pending = null;
            }
            problems.set(Problems.Kind.LINK, e.getMessage());
        } finally {
            linkChange.unlock();
        }
    }

    private void expire(PendingSignIn p) {
        synchronized (this) {
            if (pending != p) return;
            pending = null;
            problems.set(Problems.Kind.LINK, "The sign-in link " + p.verificationUrl() + " expired before it was "
                    + "used. Run rpi-connect signin to get a new one.");
        }
        log.info("Sign-in link expired unused: {}", p.verificationUrl());
    }

    /**
     * Saves a new link (moving unreadable old files aside first) and subscribes to events. A new link ends any
     * pause of the device identity's automatic sign-in. The caller logs how it signed in.
     */
    private void completeLink(SignedInDevice device, PrivateKey key, String serial) throws LocalApiException {
        moveAsideUnreadableFiles();
        DeviceState state = new DeviceState(device.deviceId(), device.name(), serial, cloud.endpoint().text(),
                CalendarText.utc(clock.instant().getEpochSecond()));
        try {
            store.saveLink(state, key);
        } catch (IOException e) {
            throw new LocalApiException(LocalErrorCode.DEVICE_ERROR, "Signed in as " + device.name() + ", but the "
                    + "link could not be saved in " + store.dir() + " (" + e.getMessage() + "). Free some space or "
                    + "fix the directory's permissions, then remove the device in your Connect account and sign in "
                    + "again.");
        }
        try {
            store.clearIdentityPause();
        } catch (IOException e) {
            log.warn("Could not delete {} ({}) (device {})", store.identityPauseFile(), e.getMessage(),
                    device.deviceId());
        }
        Credential linked = new Credential(state, key);
        synchronized (this) {
            credential = linked;
            pending = null;
            problems.clear(Problems.Kind.LINK);
            problems.clear(Problems.Kind.STATE_FILE);
            problems.clear(Problems.Kind.IDENTITY);
        }
        startSubscription(linked);
    }

    private void moveAsideUnreadableFiles() {
        List<Path> files;
        synchronized (this) {
            files = unreadableFiles;
            unreadableFiles = List.of();
        }
        for (Path file : files) {
            try {
                Path aside = store.moveAside(file, "garbled");
                if (aside != null) log.warn("Moved the unreadable {} aside to {}", file, aside);
            } catch (IOException e) {
                log.error("Could not move {} aside ({}); it will be overwritten", file, e.getMessage());
            }
        }
    }

    private void refuseIfSignedIn() throws LocalApiException {
        synchronized (this) {
            if (credential != null) {
                throw new LocalApiException(LocalErrorCode.ALREADY_SIGNED_IN, "Already signed in as "
                        + credential.state().deviceName() + "; run rpi-connect signout first");
            }
        }
    }

    private BoardFacts factsWithSerial() throws LocalApiException {
        BoardFacts facts = board.read();
        if (facts.serial() == null) {
            throw new LocalApiException(LocalErrorCode.DEVICE_ERROR, "This device has no serial number that "
                    + "Raspberry Pi Connect can use (none in /proc/device-tree/serial-number, /proc/cpuinfo or "
                    + "/etc/machine-id), so it cannot sign in. On a machine that is not a Raspberry Pi, make sure "
                    + "/etc/machine-id exists (systemd-machine-id-setup).");
        }
        return facts;
    }

    // ---- signed in -------------------------------------------------------------------------------------------

    /**
     * Runs a call with the device's credential. When the cloud answers that the credential is over (serial
     * mismatch, device unknown), the device is signed out locally at once, then the error is passed on.
     */
    public <T> T linkedCall(LinkedCall<T> call) throws CloudException, LocalApiException {
        Credential cred;
        String serial;
        synchronized (this) {
            cred = credential;
            serial = boardSerial;
        }
        if (cred == null) {
            throw new LocalApiException(LocalErrorCode.NOT_SIGNED_IN, "This device is not signed in to Raspberry "
                    + "Pi Connect. Sign in with rpi-connect signin");
        }
        return linkedCall(cred, serial, call);
    }

    private <T> T linkedCall(Credential cred, String serial, LinkedCall<T> call) throws CloudException {
        try {
            return call.call(signer(cred, serial));
        } catch (CloudException.Rejected e) {
            SignOutReason.forCloudError(e.error().code()).ifPresent(reason -> signOutLocally(cred, reason));
            throw e;
        }
    }

    /** SIGNOUT: tells the cloud (best effort: offline still signs out here), then forgets the credential and key. */
    public void signOut() throws LocalApiException {
        linkChange.lock();
        try {
            Credential cred;
            String serial;
            EventSubscription sub;
            synchronized (this) {
                cred = credential;
                serial = boardSerial;
                if (cred == null) {
                    if (pending != null) {
                        pending = null;
                        log.info("Sign-in cancelled by the user");
                        return;
                    }
                    throw new LocalApiException(LocalErrorCode.NOT_SIGNED_IN, "This device is not signed in to "
                            + "Raspberry Pi Connect. Sign in with rpi-connect signin");
                }
                // The cloud may close the event socket once it forgets the device: stop listening first.
                sub = subscription;
                subscription = null;
                subscribed = false;
            }
            if (sub != null) sub.stop();
            try {
                cloud.signOut(signer(cred, serial));
            } catch (CloudException e) {
                log.info("Could not tell the cloud about the sign-out ({}); signing out here anyway (device {})",
                        e.getMessage(), cred.state().deviceId());
            }
            signOutLocally(cred, SignOutReason.USER);
        } finally {
            linkChange.unlock();
        }
    }

    /** Ends the link held in {@code expected} (unless it already ended): deletes credential and key, closes events. */
    void signOutLocally(Credential expected, SignOutReason reason) {
        EventSubscription sub;
        synchronized (this) {
            if (credential != expected) return;
            credential = null;
            sub = subscription;
            subscription = null;
            subscribed = false;
            if (reason.problem() == null) {
                problems.clear(Problems.Kind.LINK);
            } else {
                problems.set(Problems.Kind.LINK, reason.problem());
            }
            // Under the lock (two unlinks): status never shows "signed out" while the credential is still on disk.
            try {
                store.deleteLink();
            } catch (IOException e) {
                log.error("Could not delete the credential in {} ({}); remove {} and {} by hand", store.dir(),
                        e.getMessage(), store.stateFile(), store.keyFile());
            }
            if (reason.pausesIdentity()) pauseIdentity(reason, expected.state().deviceId());
        }
        if (sub != null) sub.stop();
        log.info("Signed out: {} (device {})", reason.logText(), expected.state().deviceId());
        sessions.onSignedOut();
    }

    private void pauseIdentity(SignOutReason reason, String deviceId) {
        try {
            store.saveIdentityPause(new IdentityPause(reason.name(), CalendarText.utc(clock.instant().getEpochSecond())));
        } catch (IOException e) {
            log.error("Could not save {} ({}): a device identity may sign this device in again at the next start "
                    + "(device {})", store.identityPauseFile(), e.getMessage(), deviceId);
        }
    }

    private DeviceSigner signer(Credential cred, String serial) {
        // Requests carry the board's serial as read now: the cloud compares it with the linked one.
        return new DeviceSigner(cred.key(), serial == null ? "" : serial, cred.state().deviceId(), clock);
    }

    private void startSubscription(Credential cred) {
        EventSubscription sub;
        synchronized (this) {
            if (credential != cred) return;
            String serial = boardSerial;
            // Each attempt first asks the REST API whether the credential is still good: unlike a refused
            // upgrade, its answer says why not (serial mismatch or device unknown).
            sub = new EventSubscription(cloud.endpoint(), signer(cred, serial), scheduler, Backoff.standard(),
                    new EventsOf(cred), clock, () -> linkedCall(cred, serial, cloud::self));
            subscription = sub;
            subscribed = false;
        }
        sub.start();
    }

    private void rename(Credential cred, String name) {
        synchronized (this) {
            if (credential != cred || name == null || name.equals(cred.state().deviceName())) return;
            DeviceState renamed = cred.state().withName(name);
            // On disk first: status never shows a name a restart would forget.
            try {
                store.saveState(renamed);
            } catch (IOException e) {
                log.warn("Could not save the new device name ({}) (device {})", e.getMessage(), renamed.deviceId());
            }
            cred.state = renamed;
        }
        log.info("Device renamed to {} (device {})", name, cred.state().deviceId());
    }

    /** Event-socket callbacks for one credential; stale callbacks (after a sign-out) change nothing. */
    private final class EventsOf implements EventSubscription.Listener {
        private final Credential cred;

        EventsOf(Credential cred) {
            this.cred = cred;
        }

        @Override
        public void onSubscribed() {
            synchronized (DeviceLink.this) {
                if (credential == cred) subscribed = true;
            }
        }

        @Override
        public void onUnsubscribed() {
            synchronized (DeviceLink.this) {
                if (credential == cred) subscribed = false;
            }
        }

        @Override
        public void onEvent(DeviceEvent event) {
            switch (event.type()) {
                case DeviceEvent.HELLO -> {
                    rename(cred, event.name());
                    onHello.run();
                }
                case DeviceEvent.RENAMED -> rename(cred, event.name());
                case DeviceEvent.REMOVED -> signOutLocally(cred, SignOutReason.REMOVED);
                default -> log.debug("Ignoring event {} (device {})", event.type(), cred.state().deviceId());
            }
        }

        @Override
        public void onSessionSignal(SessionSignal signal) {
            synchronized (DeviceLink.this) {
                if (credential != cred) return;
            }
            sessions.onSignal(signal);
        }

        @Override
        public void onSignedOutByCloud() {
            signOutLocally(cred, SignOutReason.REMOVED);
        }

        @Override
        public void onUpgradeRefused(int status) {
            if (status != 401 && status != 403) return;
            // The upgrade's body is not visible through the WebSocket client: ask the REST API why.
            Scheduling.now(scheduler, () -> {
                String serial;
                synchronized (DeviceLink.this) {
                    if (credential != cred) return;
                    serial = boardSerial;
                }
                try {
                    linkedCall(cred, serial, cloud::self);
                } catch (CloudException e) {
                    boolean signedOut = e instanceof CloudException.Rejected r && r.error().code().signsOut();
                    if (!signedOut) {
                        log.warn("Checking the credential after the refused event connection: {} (device {})",
                                e.getMessage(), cred.state().deviceId());
                    }
                }
            });
        }
    }
}
