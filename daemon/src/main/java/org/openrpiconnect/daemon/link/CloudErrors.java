package org.openrpiconnect.daemon.link;

import org.openrpiconnect.daemon.cloud.CloudException;
import org.openrpiconnect.daemon.local.LocalApiException;
import org.openrpiconnect.protocol.device.DeviceError;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.RequestSignature;
import org.openrpiconnect.protocol.local.LocalErrorCode;

/** The one map from a failed cloud call to the local API error the CLI shows. */
public final class CloudErrors {
    private CloudErrors() {}

    public static LocalApiException toLocal(CloudException e) {
        if (e instanceof CloudException.Unreachable) {
            return new LocalApiException(LocalErrorCode.CLOUD_UNREACHABLE,
                    e.getMessage() + ". Check your network connection and try again.");
        }
        if (e instanceof CloudException.Rejected rejected) {
            DeviceError error = rejected.error();
            if (error.code().isAuthKeyRejection()) {
                return new LocalApiException(LocalErrorCode.AUTH_KEY_REJECTED, nonBlank(error.message(),
                        "The auth key was rejected. Create a new auth key and try again."));
            }
            if (error.code() == DeviceErrorCode.CLOCK_SKEW) {
                return new LocalApiException(LocalErrorCode.DEVICE_ERROR, "This device's clock is more than "
                        + RequestSignature.MAX_SKEW_SECONDS / 60 + " minutes off from Raspberry Pi Connect's. "
                        + "Set the correct time (e.g. enable NTP) and try again.");
            }
            return new LocalApiException(LocalErrorCode.CLOUD_ERROR, e.getMessage());
        }
        return new LocalApiException(LocalErrorCode.CLOUD_ERROR, e.getMessage() + ". Try again later.");
    }

    private static String nonBlank(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
