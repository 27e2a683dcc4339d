package org.openrpiconnect.daemon.testing;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.websocket.WsContext;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.AuthKeySignIn;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceCodePoll;
import org.openrpiconnect.protocol.device.DeviceCodeStart;
import org.openrpiconnect.protocol.device.DeviceCodeStatus;
import org.openrpiconnect.protocol.device.DeviceError;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.openrpiconnect.protocol.device.DeviceFacts;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.DeviceStatus;
import org.openrpiconnect.protocol.device.IdentitySignIn;
import org.openrpiconnect.protocol.device.RequestSignature;
import org.openrpiconnect.protocol.device.SignedInDevice;
import org.openrpiconnect.protocol.session.IceServer;
import org.openrpiconnect.protocol.session.IceServerList;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.net.ServerSocket;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-process stand-in for the cloud's device API, strict about signatures and serials like the real one, with
 * knobs for tests: auth keys, approving or expiring device codes, removing / renaming / forgetting devices,
 * dropping event connections, restarting on the same port with the same data; and it relays session frames
 * between tests (standing in for browsers) and devices.
 */
public final class FakeCloud implements AutoCloseable {
    public record Device(String id, String name, String serial, PublicKey key, DeviceFacts facts) {}

    private record Code(String deviceCode, String userCode, PublicKey key, String serial, DeviceFacts facts) {}

    /** A device identity of an organisation; {@code deviceId} is the device it made (null before the exchange). */
    private record Identity(String deviceName, String deviceId) {}

    /** Everything the cloud knows; survives {@link #restart()}. */
    private static final class Data {
        final Map<String, Device> devices = new ConcurrentHashMap<>();
        final Map<String, DeviceErrorCode> authKeys = new ConcurrentHashMap<>();
        final Map<String, Code> codes = new ConcurrentHashMap<>();
        final Map<String, String> approved = new ConcurrentHashMap<>();
        final Set<String> expiredCodes = ConcurrentHashMap.newKeySet();
        final List<String> signedOut = new CopyOnWriteArrayList<>();
        final AtomicInteger authKeyRequests = new AtomicInteger();
        final Map<String, Identity> identities = new ConcurrentHashMap<>();
        final AtomicInteger identityRequests = new AtomicInteger();
        volatile boolean identitySignInMissing;
        volatile List<IceServer> iceServers = List.of();
        final AtomicInteger iceServerRequests = new AtomicInteger();
        final AtomicInteger nextId = new AtomicInteger(1);
    }

    private final Data data;
    private final int port;
    private final Map<String, Set<WsContext>> sockets = new ConcurrentHashMap<>();
    private final List<Consumer<SessionSignal>> signalListeners = new CopyOnWriteArrayList<>();
    private final List<SessionSignal> signalsFromDevices = new CopyOnWriteArrayList<>();
    private final List<DeviceStatus> statusReports = new CopyOnWriteArrayList<>();
    private volatile int codeIntervalSeconds = 1;
    private volatile int codeExpiresIn = 600;
    private Javalin app;

    private FakeCloud(Data data, int port) {
        this.data = data;
        this.port = port;
    }

    public static FakeCloud start() {
        return start(0);
    }

    public static FakeCloud start(int port) {
        FakeCloud cloud = new FakeCloud(new Data(), port);
        cloud.run();
        return cloud;
    }

    /** Set up (e.g. identities registered) before it listens: no request can come in between. */
    public static FakeCloud start(int port, Consumer<FakeCloud> setup) {
        FakeCloud cloud = new FakeCloud(new Data(), port);
        setup.accept(cloud);
        cloud.run();
        return cloud;
    }

    /** A port nothing listens on (yet): for a cloud that comes up later. */
    public static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + app.port();
    }

    public int port() {
        return app.port();
    }

    /** Stops this server and starts a new one on the same port with the same data (event sockets drop). */
    public FakeCloud restart() {
        int p = app.port();
        close();
        FakeCloud again = new FakeCloud(data, p);
        again.codeIntervalSeconds = codeIntervalSeconds;
        again.codeExpiresIn = codeExpiresIn;
        again.run();
        return again;
    }

    @Override
    public void close() {
        if (app != null) app.stop();
    }

    // ---- knobs -----------------------------------------------------------------------------------------------

    /** What {@link DeviceApi#ICE_SERVERS} answers signed-in devices (none until set). */
    public void iceServers(List<IceServer> servers) {
        data.iceServers = List.copyOf(servers);
    }

    public int iceServerRequests() {
        return data.iceServerRequests.get();
    }

    public void addAuthKey(String key) {
        data.authKeys.put(key, DeviceErrorCode.BAD_REQUEST); // BAD_REQUEST here means "valid, unused"
    }

    public void markAuthKey(String key, DeviceErrorCode state) {
        data.authKeys.put(key, state);
    }

    public int authKeyRequests() {
        return data.authKeyRequests.get();
    }

    /** Registers a device identity (as POST /organisation/device-identities does); the device gets this name. */
    public void addIdentity(PublicKey identityKey, String deviceName) {
        data.identities.put(keyId(identityKey), new Identity(deviceName, null));
    }

    /** Deletes the identity (the device it made stays, unlike the real cloud: tests remove it separately). */
    public void deleteIdentity(PublicKey identityKey) {
        data.identities.remove(keyId(identityKey));
    }

    /** Answers identity sign-ins like a cloud that has no such endpoint: a bare 404. */
    public void withoutIdentitySignIn() {
        data.identitySignInMissing = true;
    }

    /** Identity sign-in requests received, whatever their answer. */
    public int identityRequests() {
        return data.identityRequests.get();
    }

    public void codeExpiresIn(int seconds) {
        codeExpiresIn = seconds;
    }

    /** Completes the sign-in of the latest device code, naming the device. */
    public void approveLatestCode(String name) {
        Code code = latestCode();
        data.approved.put(code.deviceCode(), name);
    }

    public void expireLatestCode() {
        data.expiredCodes.add(latestCode().deviceCode());
    }

    public int codesIssued() {
        return data.codes.size();
    }

    public List<Device> devices() {
        return new ArrayList<>(data.devices.values());
    }

    public Device device(String id) {
        return data.devices.get(id);
    }

    public List<String> signedOut() {
        return data.signedOut;
    }

    public boolean connected(String deviceId) {
        return !sockets.getOrDefault(deviceId, Set.of()).isEmpty();
    }

    /** Removed in the dashboard: the device is told, then its socket closes with CLOSE_SIGNED_OUT. */
    public void remove(String deviceId) {
        data.devices.remove(deviceId);
        for (WsContext ws : sockets.getOrDefault(deviceId, Set.of())) {
            ws.send(Json.write(DeviceEvent.removed("removed in a test")));
            ws.closeSession(DeviceApi.CLOSE_SIGNED_OUT, "removed");
        }
    }

    public void rename(String deviceId, String name) {
        Device d = data.devices.get(deviceId);
        data.devices.put(deviceId, new Device(d.id(), name, d.serial(), d.key(), d.facts()));
        for (WsContext ws : sockets.getOrDefault(deviceId, Set.of())) {
            ws.send(Json.write(DeviceEvent.renamed(name)));
        }
    }

    /** The cloud now expects another serial for the device (the credential was moved to another board). */
    public void expectSerial(String deviceId, String serial) {
        Device d = data.devices.get(deviceId);
        data.devices.put(deviceId, new Device(d.id(), d.name(), serial, d.key(), d.facts()));
    }

    /** Forgets the device without telling it (e.g. removed while the device was offline). */
    public void forget(String deviceId) {
        data.devices.remove(deviceId);
    }

    /** Drops the device's event connections with an ordinary close: the device reconnects. */
    public void dropConnections(String deviceId) {
        for (WsContext ws : sockets.getOrDefault(deviceId, Set.of())) ws.closeSession(1001, "going away");
    }

    // ---- session signalling: relays frames like the real cloud, untouched ---------------------------------------

    /** Sends a session frame to the device's event socket(s); false when the device is not connected. */
    public boolean sendSignal(String deviceId, SessionSignal signal) {
        return sendRaw(deviceId, Json.write(signal));
    }

    /** Sends any text frame to the device (for malformed-frame tests). */
    public boolean sendRaw(String deviceId, String text) {
        Set<WsContext> open = sockets.getOrDefault(deviceId, Set.of());
        for (WsContext ws : open) ws.send(text);
        return !open.isEmpty();
    }

    /** Every session frame devices sent, in order. */
    public List<SessionSignal> signalsFromDevices() {
        return List.copyOf(signalsFromDevices);
    }

    /** Called with each session frame a device sends (on the socket's thread). */
    public void onSignalFromDevice(Consumer<SessionSignal> listener) {
        signalListeners.add(listener);
    }

    public void removeSignalListener(Consumer<SessionSignal> listener) {
        signalListeners.remove(listener);
    }

    /** Every device.status frame devices sent, in order. */
    public List<DeviceStatus> statusReports() {
        return List.copyOf(statusReports);
    }

    private void fromDevice(String text) {
        String type = Json.read(text, org.openrpiconnect.protocol.json.JsonValue.class).text("type");
        if (DeviceStatus.TYPE.equals(type)) {
            statusReports.add(Json.read(text, DeviceStatus.class));
            return;
        }
        SessionSignal signal = Json.read(text, SessionSignal.class);
        signalsFromDevices.add(signal);
        for (Consumer<SessionSignal> l : signalListeners) l.accept(signal);
    }

    // ---- the API ---------------------------------------------------------------------------------------------

    private void run() {
        app = Javalin.create(config -> config.showJavalinBanner = false);
        app.get(DeviceApi.HEALTH, ctx -> json(ctx, 200, Map.of("status", "ok", "version", "test")));
        app.post(DeviceApi.SIGNIN_AUTH_KEY, this::signInWithAuthKey);
        app.post(DeviceApi.SIGNIN_CODE, this::startCode);
        app.post(DeviceApi.SIGNIN_IDENTITY, this::signInWithIdentity);
        app.post(DeviceApi.SIGNIN_CODE_POLL, this::pollCode);
        app.get(DeviceApi.SELF, ctx -> {
            Device d = authenticate(ctx);
            if (d != null) json(ctx, 200, new SignedInDevice(d.id(), d.name()));
        });
        app.get(DeviceApi.ICE_SERVERS, ctx -> {
            data.iceServerRequests.incrementAndGet();
            if (authenticate(ctx) != null) json(ctx, 200, new IceServerList(data.iceServers));
        });
        app.post(DeviceApi.SIGNOUT, ctx -> {
            Device d = authenticate(ctx);
            if (d == null) return;
            data.signedOut.add(d.id());
            data.devices.remove(d.id());
            ctx.status(204);
        });
        app.wsBeforeUpgrade(DeviceApi.EVENTS, ctx -> {
            if (authenticate(ctx) == null) throw new UnauthorizedResponse("not signed in");
        });
        app.ws(DeviceApi.EVENTS, ws -> {
            ws.onConnect(c -> {
                String id = c.header(RequestSignature.DEVICE_ID);
                c.session.setIdleTimeout(java.time.Duration.ofMinutes(5));
                sockets.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(c);
                // Read after registering, as the real cloud does: a removal that did not see this socket yet
                // (the device already counts itself subscribed) is seen here instead.
                Device d = data.devices.get(id);
                if (d == null) {
                    c.closeSession(DeviceApi.CLOSE_SIGNED_OUT, "device removed");
                    return;
                }
                c.send(Json.write(DeviceEvent.hello(d.name())));
            });
            ws.onClose(c -> sockets.getOrDefault(c.header(RequestSignature.DEVICE_ID), Set.of()).remove(c));
            ws.onMessage(c -> fromDevice(c.message()));
        });
        app.start("127.0.0.1", port);
    }

    private void signInWithAuthKey(Context ctx) throws Exception {
        data.authKeyRequests.incrementAndGet();
        AuthKeySignIn body = Json.read(ctx.bodyAsBytes(), AuthKeySignIn.class);
        PublicKey key = DeviceKeys.parsePublicKey(body.device().publicKey());
        if (!verified(ctx, key, null)) return;
        DeviceErrorCode state = data.authKeys.get(body.authKey());
        if (state == null) {
            error(ctx, 401, DeviceErrorCode.AUTH_KEY_UNKNOWN, "This auth key is not known. Create a new one.");
            return;
        }
        if (state != DeviceErrorCode.BAD_REQUEST) {
            error(ctx, 401, state, state == DeviceErrorCode.AUTH_KEY_USED ? "This auth key was used already."
                    : "This auth key has expired.");
            return;
        }
        data.authKeys.put(body.authKey(), DeviceErrorCode.AUTH_KEY_USED);
        Device d = link(body.device(), key, body.device().hostname());
        json(ctx, 201, new SignedInDevice(d.id(), d.name()));
    }

    /** Like the real cloud: signed with the identity's key; the device key in the facts signs later requests. */
    private void signInWithIdentity(Context ctx) throws Exception {
        data.identityRequests.incrementAndGet();
        if (data.identitySignInMissing) {
            ctx.status(404).result("Not Found");
            return;
        }
        IdentitySignIn body = Json.read(ctx.bodyAsBytes(), IdentitySignIn.class);
        PublicKey identityKey = DeviceKeys.parsePublicKey(body.identityPublicKey());
        if (!verified(ctx, identityKey, null)) return;
        if (!body.device().serialNumber().equals(ctx.header(RequestSignature.SERIAL))) {
            error(ctx, 400, DeviceErrorCode.BAD_REQUEST, "The serial header and body differ.");
            return;
        }
        String id = keyId(identityKey);
        Identity identity = data.identities.get(id);
        if (identity == null) {
            error(ctx, 401, DeviceErrorCode.IDENTITY_UNKNOWN, "No device identity has this key: register it, or"
                    + " check that it was not deleted");
            return;
        }
        PublicKey deviceKey = DeviceKeys.parsePublicKey(body.device().publicKey());
        Device old = identity.deviceId() == null ? null : data.devices.get(identity.deviceId());
        Device d;
        if (old != null) { // multi-use: the same device again, with its new key
            d = new Device(old.id(), old.name(), old.serial(), deviceKey, body.device());
            data.devices.put(d.id(), d);
        } else {
            d = link(body.device(), deviceKey,
                    identity.deviceName() != null ? identity.deviceName() : body.device().hostname());
        }
        data.identities.put(id, new Identity(identity.deviceName(), d.id()));
        json(ctx, 201, new SignedInDevice(d.id(), d.name()));
    }

    private static String keyId(PublicKey key) {
        return java.util.Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private void startCode(Context ctx) throws Exception {
        DeviceFacts facts = Json.read(ctx.bodyAsBytes(), DeviceFacts.class);
        PublicKey key = DeviceKeys.parsePublicKey(facts.publicKey());
        if (!verified(ctx, key, null)) return;
        int n = data.codes.size() + 1;
        String userCode = String.format("ABCD-%04d", n);
        Code code = new Code("secret-device-code-" + n, userCode, key, facts.serialNumber(), facts);
        data.codes.put(code.deviceCode(), code);
        json(ctx, 201, new DeviceCodeStart(code.deviceCode(), userCode, url() + DeviceApi.VERIFY_PAGE_PREFIX + userCode,
                codeIntervalSeconds, codeExpiresIn));
    }

    private void pollCode(Context ctx) throws Exception {
        DeviceCodePoll poll = Json.read(ctx.bodyAsBytes(), DeviceCodePoll.class);
        Code code = data.codes.get(poll.deviceCode());
        if (code == null) {
            error(ctx, 400, DeviceErrorCode.BAD_REQUEST, "unknown device code");
            return;
        }
        if (!verified(ctx, code.key(), null)) return;
        if (data.expiredCodes.contains(code.deviceCode())) {
            error(ctx, 410, DeviceErrorCode.CODE_EXPIRED, "The code expired.");
            return;
        }
        String name = data.approved.remove(code.deviceCode());
        if (name == null) {
            json(ctx, 200, new DeviceCodeStatus(DeviceCodeStatus.PENDING, null));
            return;
        }
        Device d = link(code.facts(), code.key(), name);
        json(ctx, 200, new DeviceCodeStatus(DeviceCodeStatus.COMPLETE, new SignedInDevice(d.id(), d.name())));
    }

    private Device link(DeviceFacts facts, PublicKey key, String name) {
        Device d = new Device("dev-" + data.nextId.getAndIncrement(), name, facts.serialNumber(), key, facts);
        data.devices.put(d.id(), d);
        return d;
    }

    /** The device a signed request comes from, or null after answering 401 with the reason. */
    private Device authenticate(Context ctx) {
        String id = ctx.header(RequestSignature.DEVICE_ID);
        Device d = id == null ? null : data.devices.get(id);
        if (d == null) {
            error(ctx, 401, DeviceErrorCode.DEVICE_UNKNOWN, "This device is not known.");
            return null;
        }
        if (!verified(ctx, d.key(), id)) return null;
        if (!d.serial().equals(ctx.header(RequestSignature.SERIAL))) {
            data.devices.remove(id); // like the real cloud: a credential used on another board is signed out
            error(ctx, 401, DeviceErrorCode.SERIAL_MISMATCH, "The serial number does not match.");
            return null;
        }
        return d;
    }

    private boolean verified(Context ctx, PublicKey key, String deviceId) {
        String ts = ctx.header(RequestSignature.TIMESTAMP);
        String path = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        byte[] body = "GET".equals(ctx.method().name()) ? new byte[0] : ctx.bodyAsBytes();
        String canonical = RequestSignature.canonical(ctx.method().name(), path, ts == null ? 0 : Long.parseLong(ts),
                ctx.header(RequestSignature.SERIAL), deviceId, body);
        if (ts == null || !RequestSignature.verify(key, canonical, ctx.header(RequestSignature.SIGNATURE))) {
            error(ctx, 401, DeviceErrorCode.BAD_SIGNATURE, "Bad signature.");
            return false;
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(ts)) > RequestSignature.MAX_SKEW_SECONDS) {
            error(ctx, 401, DeviceErrorCode.CLOCK_SKEW, "Clock skew.");
            return false;
        }
        return true;
    }

    private Code latestCode() {
        return data.codes.values().stream().max(java.util.Comparator.comparing(Code::deviceCode))
                .orElseThrow(() -> new AssertionError("no device code issued"));
    }

    private static void error(Context ctx, int status, DeviceErrorCode code, String message) {
        json(ctx, status, new DeviceError(code, message));
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
