package org.openrpiconnect.daemon.cloud;

import org.openrpiconnect.protocol.device.RequestSignature;

import java.security.PrivateKey;
import java.time.Clock;
import java.util.Map;

/**
 * Signs device requests (see {@link RequestSignature}) with the device key, the board serial number and, once
 * linked, the device id (null during sign-in).
 */
public record DeviceSigner(PrivateKey key, String serial, String deviceId, Clock clock) implements RequestSigner {
    @Override
    public Map<String, String> headers(String method, String pathAndQuery, byte[] body) {
        return RequestSignature.headers(key, method, pathAndQuery, serial, deviceId, body,
                clock.instant().getEpochSecond());
    }

    @Override
    public String toString() {
        return "DeviceSigner[device " + deviceId + "]"; // never the key
    }
}
