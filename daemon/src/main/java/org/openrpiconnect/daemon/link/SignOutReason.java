package org.openrpiconnect.daemon.link;

import org.openrpiconnect.protocol.device.DeviceErrorCode;

import java.util.Optional;

/** Why a device stopped being signed in: the log line's words, and what status tells the user (null: nothing). */
public enum SignOutReason {
    USER("requested by the user", null),
    SERIAL_MISMATCH("the board serial number no longer matches the linked one",
            "The board serial number no longer matches the one this device was linked with (SD card moved to "
                    + "another board?). Run rpi-connect signin to link this board."),
    REMOVED("the device was removed from the Connect account",
            "This device was removed from your Connect account. Run rpi-connect signin to link it again.");

    private final String logText;
    private final String problem;

    SignOutReason(String logText, String problem) {
        this.logText = logText;
        this.problem = problem;
    }

    public String logText() {
        return logText;
    }

    public String problem() {
        return problem;
    }

    /** The reason behind a cloud error that ends the link ({@link DeviceErrorCode#signsOut()}). */
    public static Optional<SignOutReason> forCloudError(DeviceErrorCode code) {
        if (code == null || !code.signsOut()) return Optional.empty();
        return Optional.of(code == DeviceErrorCode.SERIAL_MISMATCH ? SERIAL_MISMATCH : REMOVED);
    }
}
