package org.openrpiconnect.protocol.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openrpiconnect.protocol.json.WireEnum;

/** Error codes of the device API. {@link #signsOut()} tells which ones end the device's link for good. */
public enum DeviceErrorCode implements WireEnum {
    BAD_REQUEST("bad_request", false),
    BAD_SIGNATURE("bad_signature", false),
    /** The request's timestamp is too far from the cloud's clock. */
    CLOCK_SKEW("clock_skew", false),
    /** The board serial number differs from the one the credential was issued to (SD card moved). */
    SERIAL_MISMATCH("serial_mismatch", true),
    /** The device was removed in the cloud, or signed out: its key is no longer known. */
    DEVICE_UNKNOWN("device_unknown", true),
    AUTH_KEY_UNKNOWN("auth_key_unknown", false),
    AUTH_KEY_EXPIRED("auth_key_expired", false),
    AUTH_KEY_USED("auth_key_used", false),
    CODE_EXPIRED("code_expired", false),
    /** No device identity has the key this sign-in was signed with (never registered, or deleted). */
    IDENTITY_UNKNOWN("identity_unknown", false),
    /** The thing the request names (e.g. a deployment) does not exist for this device. */
    NOT_FOUND("not_found", false),
    /** The deployment was cancelled, superseded or has finished: it takes no more reports. */
    DEPLOYMENT_CLOSED("deployment_closed", false),
    RATE_LIMITED("rate_limited", false),
    INTERNAL("internal", false);

    private final String wire;
    private final boolean signsOut;

    DeviceErrorCode(String wire, boolean signsOut) {
        this.wire = wire;
        this.signsOut = signsOut;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    public boolean signsOut() {
        return signsOut;
    }

    public boolean isAuthKeyRejection() {
        return this == AUTH_KEY_UNKNOWN || this == AUTH_KEY_EXPIRED || this == AUTH_KEY_USED;
    }

    @JsonCreator
    public static DeviceErrorCode fromWire(String s) {
        for (DeviceErrorCode c : values()) {
            if (c.wire.equals(s)) return c;
        }
        return INTERNAL;
    }
}
