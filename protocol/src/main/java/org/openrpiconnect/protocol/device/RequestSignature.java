package org.openrpiconnect.protocol.device;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a device signs each request to the cloud, and how the cloud checks it.
 *
 * <p>Headers: {@value #SERIAL} (the board serial number), {@value #DEVICE_ID} (absent on sign-in requests),
 * {@value #TIMESTAMP} (Unix seconds), {@value #SIGNATURE} (Base64 of an ECDSA P-256 / SHA-256 DER signature over
 * the canonical string below).
 *
 * <p>Canonical string, newline-separated: method (upper case), path with query string, timestamp, serial number,
 * device id (empty when absent), lowercase hex SHA-256 of the body (of the empty string when there is none).
 * The cloud rejects a timestamp more than {@link #MAX_SKEW_SECONDS} away from its clock.
 */
public final class RequestSignature {
    public static final String SERIAL = "X-Connect-Serial";
    public static final String DEVICE_ID = "X-Connect-Device-Id";
    public static final String TIMESTAMP = "X-Connect-Timestamp";
    public static final String SIGNATURE = "X-Connect-Signature";
    public static final long MAX_SKEW_SECONDS = 300;
    private static final String ALGORITHM = "SHA256withECDSA";

    private RequestSignature() {}

    public static String canonical(String method, String pathAndQuery, long timestamp, String serial,
                                   String deviceId, byte[] body) {
        return method.toUpperCase() + "\n" + pathAndQuery + "\n" + timestamp + "\n" + serial + "\n"
                + (deviceId == null ? "" : deviceId) + "\n" + sha256Hex(body == null ? new byte[0] : body);
    }

    /** The four headers for a request, in insertion order. */
    public static Map<String, String> headers(PrivateKey key, String method, String pathAndQuery, String serial,
                                              String deviceId, byte[] body, long nowSeconds) {
        String canonical = canonical(method, pathAndQuery, nowSeconds, serial, deviceId, body);
        Map<String, String> h = new LinkedHashMap<>();
        h.put(SERIAL, serial);
        if (deviceId != null) h.put(DEVICE_ID, deviceId);
        h.put(TIMESTAMP, Long.toString(nowSeconds));
        h.put(SIGNATURE, sign(key, canonical));
        return h;
    }

    public static String sign(PrivateKey key, String canonical) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the device key", e);
        }
    }

    /** True when {@code signatureB64} is a valid signature of {@code canonical} by {@code key}; never throws. */
    public static boolean verify(PublicKey key, String canonical, String signatureB64) {
        if (signatureB64 == null) return false;
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(canonical.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signatureB64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
