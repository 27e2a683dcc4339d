package org.openrpiconnect.e2e.harness;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.Version;
import org.openrpiconnect.protocol.device.AuthKeySignIn;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceCodePoll;
import org.openrpiconnect.protocol.device.DeviceFacts;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.RequestSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

/**
 * A device that exists only as raw, correctly signed device-API requests (its own EC P-256 key and serial number,
 * signed with protocol's {@link RequestSignature}): lets a test do what no single daemon can, such as 50 sign-ins
 * at once.
 */
public final class FakeDevice {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String cloudUrl;
    private final HttpClient http;
    private final KeyPair keys = DeviceKeys.generate();
    private final String serial = Board.randomSerial();

    public FakeDevice(String cloudUrl, HttpClient http) {
        this.cloudUrl = cloudUrl;
        this.http = http;
    }

    /** One client for many fake devices: HTTP/1.1, so parallel requests use parallel connections. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    public String serial() {
        return serial;
    }

    public DeviceFacts facts() {
        return new DeviceFacts(DeviceKeys.publicKeyPem(keys.getPublic()), serial, "fake-" + serial.substring(0, 6),
                new DeviceFacts.Board("Raspberry Pi 5", "1.0", "8 GB"),
                new DeviceFacts.Os("Raspberry Pi OS", "12 (Bookworm)"), "aarch64", Version.current());
    }

    /** POST {@link DeviceApi#SIGNIN_AUTH_KEY}. */
    public HttpResult signInWithAuthKey(String authKey) {
        return post(DeviceApi.SIGNIN_AUTH_KEY, Json.writeBytes(new AuthKeySignIn(authKey, facts())));
    }

    /** POST {@link DeviceApi#SIGNIN_CODE}: starts a device-code sign-in. */
    public HttpResult startDeviceCode() {
        return post(DeviceApi.SIGNIN_CODE, Json.writeBytes(facts()));
    }

    public HttpResult pollDeviceCode(String deviceCode) {
        return post(DeviceApi.SIGNIN_CODE_POLL, Json.writeBytes(new DeviceCodePoll(deviceCode)));
    }

    private HttpResult post(String path, byte[] body) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(cloudUrl + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        RequestSignature.headers(keys.getPrivate(), "POST", path, serial, null, body,
                Instant.now().getEpochSecond()).forEach(req::header);
        try {
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError("POST " + path + " to the cloud failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
