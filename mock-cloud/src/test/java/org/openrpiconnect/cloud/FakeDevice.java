package org.openrpiconnect.cloud;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.AuthKeySignIn;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceFacts;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.IdentitySignIn;
import org.openrpiconnect.protocol.device.RequestSignature;
import org.openrpiconnect.protocol.device.SignedInDevice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Map;

/** A device as the daemon would be: its own key pair, signed requests (RequestSignature) to a TestCloud. */
public final class FakeDevice {
    public final KeyPair keys = DeviceKeys.generate();
    public final String serial;
    public final String hostname;
    public String deviceId;
    /** What the device reports; tests of search change them before signing in. */
    public DeviceFacts.Board board = new DeviceFacts.Board("Raspberry Pi 5", "1.0", "8 GB");
    public DeviceFacts.Os os = new DeviceFacts.Os("Raspberry Pi OS", "13 (Trixie)");
    private final String baseUrl;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();

    public FakeDevice(TestCloud cloud, String serial, String hostname) {
        this.baseUrl = cloud.url;
        this.clock = cloud.clock;
        this.serial = serial;
        this.hostname = hostname;
    }

    public DeviceFacts facts() {
        return new DeviceFacts(DeviceKeys.publicKeyPem(keys.getPublic()), serial, hostname, board, os, "aarch64",
                "2.9.0");
    }

    /** Exchanges an auth key; on 201 remembers the device id. */
    public HttpResponse<String> signInWithAuthKey(String authKey) {
        HttpResponse<String> r = post(DeviceApi.SIGNIN_AUTH_KEY, Json.writeBytes(new AuthKeySignIn(authKey, facts())),
                false);
        if (r.statusCode() == 201) deviceId = Json.read(r.body(), SignedInDevice.class).deviceId();
        return r;
    }

    /**
     * Signs in with a device identity: the request is signed with the identity's key (as rpi-fw-crypto would),
     * and carries this device's own key for later requests. On 201 remembers the device id.
     */
    public HttpResponse<String> signInWithIdentity(KeyPair identity) {
        byte[] body = Json.writeBytes(new IdentitySignIn(DeviceKeys.publicKeyPem(identity.getPublic()), facts()));
        HttpResponse<String> r = send("POST", DeviceApi.SIGNIN_IDENTITY, body, body, null, identity.getPrivate(),
                serial, nowSeconds());
        if (r.statusCode() == 201) deviceId = Json.read(r.body(), SignedInDevice.class).deviceId();
        return r;
    }

    public HttpResponse<String> post(String path, byte[] body, boolean withDeviceId) {
        return send("POST", path, body, body, withDeviceId ? deviceId : null, keys.getPrivate(), serial,
                nowSeconds());
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, new byte[0], new byte[0], deviceId, keys.getPrivate(), serial, nowSeconds());
    }

    /** Full control, for tests of bad signatures: sign {@code signedBody} but send {@code sentBody}. */
    public HttpResponse<String> send(String method, String path, byte[] signedBody, byte[] sentBody, String id,
                                     PrivateKey key, String serialHeader, long timestamp) {
        Map<String, String> headers = RequestSignature.headers(key, method, path, serialHeader, id, signedBody,
                timestamp);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, sentBody.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(sentBody))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Headers for the event socket's upgrade request. */
    public Map<String, String> eventSocketHeaders() {
        return RequestSignature.headers(keys.getPrivate(), "GET", DeviceApi.EVENTS, serial, deviceId, new byte[0],
                nowSeconds());
    }

    public long nowSeconds() {
        return clock.millis() / 1000;
    }
}
