package org.openrpiconnect.protocol.local;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openrpiconnect.protocol.json.WireEnum;

/** Stable error codes of the local API; the CLI maps each to an exit code in one place. */
public enum LocalErrorCode implements WireEnum {
    BAD_REQUEST("bad_request"),
    UNKNOWN_METHOD("unknown_method"),
    PERMISSION_DENIED("permission_denied"),
    ALREADY_SIGNED_IN("already_signed_in"),
    NOT_SIGNED_IN("not_signed_in"),
    /** The auth key was refused for good (unknown, expired or already used): a new key is needed. */
    AUTH_KEY_REJECTED("auth_key_rejected"),
    /** The cloud could not be reached; retrying later may work. */
    CLOUD_UNREACHABLE("cloud_unreachable"),
    /** The cloud answered with something unexpected. */
    CLOUD_ERROR("cloud_error"),
    /** The device cannot sign in as it is (no serial number, garbled state needing the user's decision...). */
    DEVICE_ERROR("device_error"),
    INTERNAL("internal");

    private final String wire;

    LocalErrorCode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static LocalErrorCode fromWire(String s) {
        for (LocalErrorCode c : values()) {
            if (c.wire.equals(s)) return c;
        }
        return INTERNAL;
    }
}
