package org.openrpiconnect.cloud.service;

import org.openrpiconnect.protocol.device.DeviceErrorCode;

import java.util.List;

/**
 * Every error the cloud reports to a user, a device or an API client: a kind (which the web layer maps to an HTTP
 * status in one place, {@code ErrorStatus}) and a message that says what to do next. Device API errors also carry
 * their wire code.
 */
public class CloudError extends RuntimeException {
    public enum Kind { BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, GONE, VALIDATION, RATE_LIMITED }

    private final Kind kind;
    private final DeviceErrorCode deviceCode;

    public CloudError(Kind kind, String message) {
        this(kind, null, message);
    }

    private CloudError(Kind kind, DeviceErrorCode deviceCode, String message) {
        super(message);
        this.kind = kind;
        this.deviceCode = deviceCode;
    }

    public static CloudError badRequest(String message) {
        return new CloudError(Kind.BAD_REQUEST, message);
    }

    public static CloudError notFound(String message) {
        return new CloudError(Kind.NOT_FOUND, message);
    }

    public static CloudError forbidden(String message) {
        return new CloudError(Kind.FORBIDDEN, message);
    }

    public static CloudError conflict(String message) {
        return new CloudError(Kind.CONFLICT, message);
    }

    public static CloudError gone(String message) {
        return new CloudError(Kind.GONE, message);
    }

    public static CloudError unauthorized(String message) {
        return new CloudError(Kind.UNAUTHORIZED, message);
    }

    /** Rails-style validation failure: {@code Validation failed: A, B}. */
    public static CloudError validation(List<String> failures) {
        return new CloudError(Kind.VALIDATION, "Validation failed: " + String.join(", ", failures));
    }

    /** A 422 whose message is not a list of field failures (e.g. "Cannot cancel deployment in state ..."). */
    public static CloudError unprocessable(String message) {
        return new CloudError(Kind.VALIDATION, message);
    }

    public static CloudError rateLimited(String message) {
        return new CloudError(Kind.RATE_LIMITED, message);
    }

    /** A device API error; its kind follows from the code. */
    public static CloudError device(DeviceErrorCode code, String message) {
        return new CloudError(kindOf(code), code, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The device API wire code; for errors raised outside the device API, the closest one. */
    public DeviceErrorCode deviceCode() {
        if (deviceCode != null) return deviceCode;
        return switch (kind) {
            case GONE -> DeviceErrorCode.CODE_EXPIRED;
            case RATE_LIMITED -> DeviceErrorCode.RATE_LIMITED;
            case UNAUTHORIZED -> DeviceErrorCode.BAD_SIGNATURE;
            default -> DeviceErrorCode.BAD_REQUEST;
        };
    }

    private static Kind kindOf(DeviceErrorCode code) {
        return switch (code) {
            case BAD_REQUEST -> Kind.BAD_REQUEST;
            case CODE_EXPIRED -> Kind.GONE;
            case NOT_FOUND -> Kind.NOT_FOUND;
            case DEPLOYMENT_CLOSED -> Kind.CONFLICT;
            case RATE_LIMITED -> Kind.RATE_LIMITED;
            case INTERNAL -> throw new IllegalArgumentException("internal errors are not CloudErrors");
            default -> Kind.UNAUTHORIZED;
        };
    }
}
