package org.openrpiconnect.daemon.cloud;

import org.openrpiconnect.daemon.config.CloudEndpoint;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.AuthKeySignIn;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceCodePoll;
import org.openrpiconnect.protocol.device.DeviceCodeStart;
import org.openrpiconnect.protocol.device.DeviceCodeStatus;
import org.openrpiconnect.protocol.device.DeviceError;
import org.openrpiconnect.protocol.device.DeviceFacts;
import org.openrpiconnect.protocol.device.IdentitySignIn;
import org.openrpiconnect.protocol.device.SignedInDevice;
import org.openrpiconnect.protocol.session.IceServerList;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device API over REST ({@link DeviceApi}): each call signed, each failure turned into one of the
 * {@link CloudException} kinds. Bodies are JSON in the protocol's one codec. HTTP goes through {@link HttpExchange}
 * (the daemon's own small HTTP/1.1 client): an idle daemon linked to an http:// cloud loads no TLS classes.
 */
public final class CloudClient {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The device API's answers are a few KB; a cloud answering more must not fill the daemon's small heap. */
    public static final int MAX_ANSWER_BYTES = 1 << 20;

    private final CloudEndpoint endpoint;
    private final HttpExchange http;
    private final Duration requestTimeout;

    public CloudClient(CloudEndpoint endpoint, Duration requestTimeout) {
        this(endpoint, new HttpExchange(CloudConnector.DEFAULT, CONNECT_TIMEOUT, MAX_ANSWER_BYTES),
                requestTimeout);
    }

    /** Tests: another way to open connections (a test TLS trust store), another answer limit. */
    CloudClient(CloudEndpoint endpoint, HttpExchange http, Duration requestTimeout) {
        this.endpoint = endpoint;
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    public CloudEndpoint endpoint() {
        return endpoint;
    }

    /** The same client with another per-request timeout (doctor's checks are short). */
    public CloudClient withTimeout(Duration timeout) {
        return new CloudClient(endpoint, http, timeout);
    }

    public DeviceCodeStart startDeviceCode(DeviceSigner signer, DeviceFacts facts) throws CloudException {
        return call("POST", DeviceApi.SIGNIN_CODE, facts, signer, 201, DeviceCodeStart.class);
    }

    public DeviceCodeStatus pollDeviceCode(DeviceSigner signer, String deviceCode) throws CloudException {
        return call("POST", DeviceApi.SIGNIN_CODE_POLL, new DeviceCodePoll(deviceCode), signer, 200,
                DeviceCodeStatus.class);
    }

    public SignedInDevice signInWithAuthKey(DeviceSigner signer, AuthKeySignIn body) throws CloudException {
        return call("POST", DeviceApi.SIGNIN_AUTH_KEY, body, signer, 201, SignedInDevice.class);
    }

    /** Signed with the identity's key (not the device key in {@code body.device()}). */
    public SignedInDevice signInWithIdentity(RequestSigner identitySigner, IdentitySignIn body) throws CloudException {
        return call("POST", DeviceApi.SIGNIN_IDENTITY, body, identitySigner, 201, SignedInDevice.class);
    }

    public SignedInDevice self(DeviceSigner signer) throws CloudException {
        return call("GET", DeviceApi.SELF, null, signer, 200, SignedInDevice.class);
    }

    public void signOut(DeviceSigner signer) throws CloudException {
        call("POST", DeviceApi.SIGNOUT, null, signer, 204, Void.class);
    }

    /** The STUN/TURN servers the cloud lists for this device, TURN with fresh credentials (never log them). */
    public IceServerList iceServers(DeviceSigner signer) throws CloudException {
        return call("GET", DeviceApi.ICE_SERVERS, null, signer, 200, IceServerList.class);
    }

    public void health() throws CloudException {
        call("GET", DeviceApi.HEALTH, null, null, 200, Void.class);
    }

    private <T> T call(String method, String path, Object body, RequestSigner signer, int expected, Class<T> type)
            throws CloudException {
        URI uri = endpoint.http(path);
        byte[] bytes = body == null ? new byte[0] : Json.writeBytes(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (body != null) headers.put("Content-Type", "application/json");
        if (signer != null) headers.putAll(signer.headers(method, uri.getRawPath(), bytes));

        HttpExchange.Answer response = send(method, path, uri, headers, body == null ? null : bytes);
        if (response.status() == expected) {
            if (type == Void.class) return null;
            try {
                return Json.read(response.body(), type);
            } catch (Json.MalformedJsonException e) {
                throw new CloudException.Unexpected("Raspberry Pi Connect answered " + method + " " + path
                        + " with an unreadable body (" + e.getMessage() + ")");
            }
        }
        throw errorOf(method, path, response);
    }

    private HttpExchange.Answer send(String method, String path, URI uri, Map<String, String> headers, byte[] body)
            throws CloudException {
        try {
            return http.send(method, uri, headers, body, requestTimeout);
        } catch (HttpHead.NotHttp | HttpExchange.TooLarge e) {
            throw new CloudException.Unexpected("Raspberry Pi Connect answered " + method + " " + path + " with "
                    + e.getMessage());
        } catch (IOException e) {
            throw new CloudException.Unreachable(endpoint.text(), CloudException.Unreachable.reasonOf(e));
        }
    }

    private static CloudException errorOf(String method, String path, HttpExchange.Answer response) {
        try {
            DeviceError error = Json.read(response.body(), DeviceError.class);
            if (error != null && error.code() != null) return new CloudException.Rejected(response.status(), error);
        } catch (Json.MalformedJsonException e) {
            // not the error shape: reported below
        }
        return new CloudException.Unexpected("Raspberry Pi Connect answered " + method + " " + path + " with HTTP "
                + response.status(), response.status());
    }
}
