package org.openrpiconnect.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceError;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.RequestSignature;
import org.openrpiconnect.protocol.device.SignedInDevice;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceSignatureTest {
    static TestCloud cloud;
    FakeDevice device;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        cloud.user("sig@example.org");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @BeforeEach
    void linkDevice() {
        device = new FakeDevice(cloud, "serial-" + System.nanoTime(), "pi");
        assertEquals(201, device.signInWithAuthKey(cloud.personalKey("sig@example.org")).statusCode());
    }

    @Test
    void request_signed_by_the_stored_key_is_accepted() {
        HttpResponse<String> r = device.get(DeviceApi.SELF);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(device.deviceId, Json.read(r.body(), SignedInDevice.class).deviceId());
    }

    @Test
    void tampered_body_is_rejected_as_bad_signature() {
        byte[] signed = "{\"device_code\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        byte[] sent = "{\"device_code\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = device.send("POST", DeviceApi.SIGNOUT, signed, sent, device.deviceId,
                device.keys.getPrivate(), device.serial, device.nowSeconds());
        assertError(r, 401, DeviceErrorCode.BAD_SIGNATURE);
        assertEquals(200, device.get(DeviceApi.SELF).statusCode(), "a rejected sign-out must not sign out");
    }

    @Test
    void request_signed_by_another_key_is_rejected_as_bad_signature() {
        HttpResponse<String> r = device.send("GET", DeviceApi.SELF, new byte[0], new byte[0], device.deviceId,
                DeviceKeys.generate().getPrivate(), device.serial, device.nowSeconds());
        assertError(r, 401, DeviceErrorCode.BAD_SIGNATURE);
    }

    @Test
    void stale_timestamp_is_rejected_as_clock_skew() {
        long stale = device.nowSeconds() - RequestSignature.MAX_SKEW_SECONDS - 60;
        HttpResponse<String> r = device.send("GET", DeviceApi.SELF, new byte[0], new byte[0], device.deviceId,
                device.keys.getPrivate(), device.serial, stale);
        DeviceError e = assertError(r, 401, DeviceErrorCode.CLOCK_SKEW);
        assertTrue(e.message().contains("clock"), e.message());
    }

    @Test
    void serial_mismatch_is_rejected_and_signs_the_device_out() {
        HttpResponse<String> r = device.send("GET", DeviceApi.SELF, new byte[0], new byte[0], device.deviceId,
                device.keys.getPrivate(), "another-board", device.nowSeconds());
        assertError(r, 401, DeviceErrorCode.SERIAL_MISMATCH);
        assertFalse(cloud.cloud.devices.require(device.deviceId).signedIn());
        assertError(device.get(DeviceApi.SELF), 401, DeviceErrorCode.DEVICE_UNKNOWN);
    }

    @Test
    void unknown_device_id_is_rejected_as_device_unknown() {
        device.deviceId = "00000000-0000-0000-0000-000000000000";
        assertError(device.get(DeviceApi.SELF), 401, DeviceErrorCode.DEVICE_UNKNOWN);
    }

    @Test
    void signout_forgets_the_key_and_later_requests_are_device_unknown() {
        assertEquals(204, device.post(DeviceApi.SIGNOUT, new byte[0], true).statusCode());
        assertFalse(cloud.cloud.devices.require(device.deviceId).signedIn());
        assertError(device.get(DeviceApi.SELF), 401, DeviceErrorCode.DEVICE_UNKNOWN);
    }

    @Test
    void sign_in_signed_by_a_key_other_than_the_one_in_the_body_is_rejected() {
        FakeDevice other = new FakeDevice(cloud, "serial-other", "pi");
        byte[] body = Json.writeBytes(new org.openrpiconnect.protocol.device.AuthKeySignIn(
                cloud.personalKey("sig@example.org"), other.facts()));
        HttpResponse<String> r = other.send("POST", DeviceApi.SIGNIN_AUTH_KEY, body, body, null,
                DeviceKeys.generate().getPrivate(), other.serial, other.nowSeconds());
        assertError(r, 401, DeviceErrorCode.BAD_SIGNATURE);
    }

    static DeviceError assertError(HttpResponse<String> r, int status, DeviceErrorCode code) {
        assertEquals(status, r.statusCode(), r.body());
        DeviceError e = Json.read(r.body(), DeviceError.class);
        assertEquals(code, e.code(), r.body());
        assertFalse(e.message() == null || e.message().isBlank());
        return e;
    }
}
