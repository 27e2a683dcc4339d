package org.openrpiconnect.daemon.link;

import org.openrpiconnect.protocol.device.DeviceErrorCode;

import java.util.Optional;

/**
 * Why a device stopped being signed in: the log line's words, what status tells the user (null: nothing), and
 * whether the device identity must then wait for {@code rpi-connect signin} instead of signing in by itself at the
 * next start (someone chose to end this link: signing back in on their behalf would undo it).
 */
public enum SignOutReason {
    USER("requested by the user", null, true),
    // A moved SD card: the new board is another device, which may sign in with its own identity.
    SERIAL_MISMATCH("the board serial number no longer matches the linked one",
            "The board serial number no longer matches the one this device was linked with (SD card moved to "
                    + "another board?). Run rpi-connect signin to link this board.", false),
    REMOVED("the device was removed from the Connect account",
            "This device was removed from your Connect account. Run rpi-connect signin to link it again.", true);

    private final String logText;
    private final String problem;
    private final boolean pausesIdentity;

    SignOutReason(String logText, String problem, boolean pausesIdentity) {
        this.logText = logText;
        this.problem = problem;
        this.pausesIdentity = pausesIdentity;
    }

    public boolean pausesIdentity() {
        return pausesIdentity;
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
