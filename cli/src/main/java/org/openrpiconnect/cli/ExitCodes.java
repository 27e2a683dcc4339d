package org.openrpiconnect.cli;

import org.openrpiconnect.cli.local.DaemonErrorException;
import org.openrpiconnect.cli.local.DaemonProtocolException;
import org.openrpiconnect.cli.local.DaemonUnreachableException;
import org.openrpiconnect.cli.service.ServiceControlException;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import picocli.CommandLine;

/**
 * The one table of rpi-connect's exit codes, for scripts:
 *
 * <pre>
 *  0  OK                 done (also: "already running", "not running" for off, "not signed in" for signout)
 *  1  FAILED             the command did not reach its goal: a doctor check failed, a sign-in expired or ended
 *  2  USAGE              bad command line or input: unknown option, unreadable --auth-key=@FILE, bad
 *                        RPI_CONNECT_SERVICE_MANAGER
 *  3  NOT_RUNNING        rpi-connectd is not running or not answering ("run rpi-connect on")
 *  4  AUTH_KEY_REJECTED  the auth key is unknown, expired or already used: create a new one
 *  5  WRONG_STATE        already signed in / not signed in for an action that needs the other
 *  6  CLOUD_UNREACHABLE  the cloud could not be reached; retrying later may work
 *  7  CLOUD_ERROR        the cloud answered something unexpected
 *  8  DEVICE_ERROR       this device cannot sign in as it is (see the message)
 *  9  PERMISSION_DENIED  the daemon refused the caller
 * 10  SERVICE_FAILED     on/off/restart: systemctl failed, or rpi-connectd exited or stayed silent when started
 * 70  SOFTWARE           an internal error, or a CLI and daemon that do not understand each other
 * </pre>
 */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_RUNNING = 3;
    public static final int AUTH_KEY_REJECTED = 4;
    public static final int WRONG_STATE = 5;
    public static final int CLOUD_UNREACHABLE = 6;
    public static final int CLOUD_ERROR = 7;
    public static final int DEVICE_ERROR = 8;
    public static final int PERMISSION_DENIED = 9;
    public static final int SERVICE_FAILED = 10;
    public static final int SOFTWARE = 70;

    /** The table above in one line, for {@code --help}. */
    public static final String SUMMARY = "Exit codes: 0 done, 1 failed, 2 bad usage or input, 3 rpi-connectd not "
            + "running, 4 auth key rejected, 5 wrong sign-in state, 6 cloud unreachable, 7 cloud error, 8 device "
            + "error, 9 permission denied, 10 service start/stop failed, 70 internal error.";

    @Override
    public int getExitCode(Throwable error) {
        if (error instanceof CommandLine.ParameterException || error instanceof BadInputException) return USAGE;
        if (error instanceof DaemonUnreachableException) return NOT_RUNNING;
        if (error instanceof DaemonErrorException daemonError) return forDaemonError(daemonError.code());
        if (error instanceof CommandFailedException) return FAILED;
        if (error instanceof ServiceControlException) return SERVICE_FAILED;
        if (error instanceof DaemonProtocolException) return SOFTWARE;
        return SOFTWARE;
    }

    public static int forDaemonError(LocalErrorCode code) {
        return switch (code) {
            case AUTH_KEY_REJECTED -> AUTH_KEY_REJECTED;
            case ALREADY_SIGNED_IN, NOT_SIGNED_IN -> WRONG_STATE;
            case CLOUD_UNREACHABLE -> CLOUD_UNREACHABLE;
            case CLOUD_ERROR -> CLOUD_ERROR;
            case DEVICE_ERROR -> DEVICE_ERROR;
            case PERMISSION_DENIED -> PERMISSION_DENIED;
            case BAD_REQUEST, UNKNOWN_METHOD, INTERNAL -> SOFTWARE;
        };
    }
}
