package org.openrpiconnect.daemon.cloud;

import org.openrpiconnect.protocol.device.DeviceError;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Why a call to the cloud failed: it could not be reached, it refused with a {@link DeviceError}, or it made no sense. */
public abstract sealed class CloudException extends Exception {
    private CloudException(String message) {
        super(message, null, false, false);
    }

    /** Network trouble: retrying later may work. */
    public static final class Unreachable extends CloudException {
        public Unreachable(String cloud, String reason) {
            super("Cannot reach Raspberry Pi Connect at " + cloud + " (" + reason + ")");
        }

        /** The reason shown for network trouble: "timed out", "connection refused", "unknown host H", or the JDK's. */
        static String reasonOf(Exception e) {
            if (e instanceof SocketTimeoutException) return "timed out";
            if (e instanceof ConnectException) return "connection refused";
            if (e instanceof UnknownHostException) return "unknown host " + e.getMessage();
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** The cloud answered with its error shape. */
    public static final class Rejected extends CloudException {
        private final int status;
        private final DeviceError error;

        public Rejected(int status, DeviceError error) {
            super("Raspberry Pi Connect refused the request (" + status + " " + error.code().wire() + "): "
                    + error.message());
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        public DeviceError error() {
            return error;
        }
    }

    /** An answer that is not what the device API promises (wrong status, unreadable body). */
    public static final class Unexpected extends CloudException {
        private final int status;

        public Unexpected(String message) {
            this(message, 0);
        }

        /** @param status the HTTP status of an answer without the error shape (0: the status was the expected one) */
        public Unexpected(String message, int status) {
            super(message);
            this.status = status;
        }

        /** True when the cloud has no such endpoint (an older or other cloud): asking again will not help. */
        public boolean notSupported() {
            return status == 404 || status == 405 || status == 501;
        }
    }
}
