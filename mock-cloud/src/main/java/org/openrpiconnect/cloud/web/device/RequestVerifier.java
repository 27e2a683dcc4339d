package org.openrpiconnect.cloud.web.device;

import io.javalin.http.Context;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.cloud.service.Devices;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.RequestSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.PublicKey;
import java.time.Clock;

/**
 * Checks the signature of every device request ({@link RequestSignature}): sign-in requests against the key they
 * carry, later requests against the key stored for {@code X-Connect-Device-Id}. A stored device whose serial header
 * no longer matches (SD card moved to another board) is signed out.
 */
public final class RequestVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(RequestVerifier.class);

    private final Devices devices;
    private final Clock clock;

    public RequestVerifier(Devices devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    /**
     * A sign-in request, or a poll of a code sign-in: signed by {@code publicKeyPem} (proof of possession) for the
     * board {@code serial}.
     */
    public PublicKey verifySignIn(Context ctx, byte[] body, String publicKeyPem, String serial) {
        PublicKey key = parseKey(publicKeyPem);
        String headerSerial = ctx.header(RequestSignature.SERIAL);
        if (serial != null && headerSerial != null && !serial.equals(headerSerial)) {
            throw CloudError.device(DeviceErrorCode.BAD_REQUEST, "The " + RequestSignature.SERIAL + " header and"
                    + " the serial_number in the body differ: send the same board serial in both");
        }
        verifySignature(ctx, body, key, null);
        return key;
    }

    /** A request of a linked device: returns the device when the signature is by its stored key. */
    public Device verifyDevice(Context ctx, byte[] body) {
        String deviceId = ctx.header(RequestSignature.DEVICE_ID);
        if (deviceId == null || deviceId.isBlank()) {
            throw CloudError.device(DeviceErrorCode.DEVICE_UNKNOWN, "The request names no device ("
                    + RequestSignature.DEVICE_ID + " header missing): sign in with rpi-connect signin");
        }
        Device device = devices.find(deviceId).filter(Device::signedIn).orElseThrow(() -> CloudError.device(
                DeviceErrorCode.DEVICE_UNKNOWN, "This device is signed out or was removed from Raspberry Pi Connect:"
                        + " sign in again with rpi-connect signin"));
        verifySignature(ctx, body, parseKey(device.publicKey()), deviceId);
        String serial = ctx.header(RequestSignature.SERIAL);
        if (!device.serialNumber().equals(serial)) {
            devices.signOut(device.id(), "serial mismatch");
            throw CloudError.device(DeviceErrorCode.SERIAL_MISMATCH, "This device's credentials belong to another"
                    + " board (was the SD card moved?): sign in again with rpi-connect signin");
        }
        return device;
    }

    private void verifySignature(Context ctx, byte[] body, PublicKey key, String deviceId) {
        String serial = ctx.header(RequestSignature.SERIAL);
        String timestamp = ctx.header(RequestSignature.TIMESTAMP);
        String signature = ctx.header(RequestSignature.SIGNATURE);
        if (serial == null || timestamp == null || signature == null) {
            throw CloudError.device(DeviceErrorCode.BAD_SIGNATURE, "The request is not signed (it needs the "
                    + RequestSignature.SERIAL + ", " + RequestSignature.TIMESTAMP + " and "
                    + RequestSignature.SIGNATURE + " headers): update rpi-connect");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw CloudError.device(DeviceErrorCode.BAD_SIGNATURE, "The " + RequestSignature.TIMESTAMP
                    + " header is not a number of seconds: update rpi-connect");
        }
        long skew = Math.abs(clock.millis() / 1000 - ts);
        if (skew > RequestSignature.MAX_SKEW_SECONDS) {
            throw CloudError.device(DeviceErrorCode.CLOCK_SKEW, "The device's clock is " + skew + " seconds away"
                    + " from the cloud's: set the time (for example enable NTP with timedatectl set-ntp true)"
                    + " and try again");
        }
        String query = ctx.queryString();
        String pathAndQuery = ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        String canonical = RequestSignature.canonical(ctx.req().getMethod(), pathAndQuery, ts, serial, deviceId, body);
        if (!RequestSignature.verify(key, canonical, signature)) {
            LOG.debug("bad signature on {} {} for device {}", ctx.req().getMethod(), ctx.path(), deviceId);
            throw CloudError.device(DeviceErrorCode.BAD_SIGNATURE, "The request signature does not match the"
                    + " device's key: sign in again with rpi-connect signin");
        }
    }

    private static PublicKey parseKey(String pem) {
        try {
            return DeviceKeys.parsePublicKey(pem);
        } catch (DeviceKeys.InvalidKeyException e) {
            throw CloudError.device(DeviceErrorCode.BAD_REQUEST, "The device's public key is not usable ("
                    + e.getMessage() + "): send a PEM EC P-256 public key");
        }
    }
}
