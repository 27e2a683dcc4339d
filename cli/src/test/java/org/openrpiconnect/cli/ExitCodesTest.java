package org.openrpiconnect.cli;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.cli.local.DaemonErrorException;
import org.openrpiconnect.cli.local.DaemonNotRunningException;
import org.openrpiconnect.cli.local.DaemonProtocolException;
import org.openrpiconnect.cli.local.DaemonUnreachableException;
import org.openrpiconnect.cli.service.ServiceControlException;
import org.openrpiconnect.protocol.local.LocalError;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ExitCodesTest {
    private final ExitCodes exitCodes = new ExitCodes();

    @Test
    void each_daemon_error_code_has_its_documented_exit_code() {
        Map<LocalErrorCode, Integer> expected = new EnumMap<>(Map.of(
                LocalErrorCode.AUTH_KEY_REJECTED, 4,
                LocalErrorCode.ALREADY_SIGNED_IN, 5,
                LocalErrorCode.NOT_SIGNED_IN, 5,
                LocalErrorCode.CLOUD_UNREACHABLE, 6,
                LocalErrorCode.CLOUD_ERROR, 7,
                LocalErrorCode.DEVICE_ERROR, 8,
                LocalErrorCode.PERMISSION_DENIED, 9,
                LocalErrorCode.BAD_REQUEST, 70,
                LocalErrorCode.UNKNOWN_METHOD, 70,
                LocalErrorCode.INTERNAL, 70));

        for (LocalErrorCode code : LocalErrorCode.values()) {
            int exitCode = exitCodes.getExitCode(new DaemonErrorException(new LocalError(code, "message")));
            assertEquals(expected.get(code), exitCode, code.name());
            assertNotEquals(0, exitCode, code.name());
        }
    }

    @Test
    void not_running_and_unreachable_daemons_exit_3() {
        assertEquals(3, exitCodes.getExitCode(new DaemonNotRunningException()));
        assertEquals(3, exitCodes.getExitCode(new DaemonUnreachableException("permission denied")));
    }

    @Test
    void usage_errors_and_bad_input_exit_2() {
        CommandLine commandLine = new CommandLine(new RpiConnectCommand(null));

        assertEquals(2, exitCodes.getExitCode(new CommandLine.ParameterException(commandLine, "unknown option")));
        assertEquals(2, exitCodes.getExitCode(new BadInputException("the auth key file is empty")));
    }

    @Test
    void failures_service_errors_and_unexpected_errors_have_their_own_codes() {
        assertEquals(1, exitCodes.getExitCode(new CommandFailedException("sign-in expired")));
        assertEquals(10, exitCodes.getExitCode(new ServiceControlException("systemctl failed")));
        assertEquals(70, exitCodes.getExitCode(new DaemonProtocolException("garbled")));
        assertEquals(70, exitCodes.getExitCode(new IllegalStateException("bug")));
    }

    @Test
    void a_daemon_error_without_a_code_counts_as_internal() {
        assertEquals(70, exitCodes.getExitCode(new DaemonErrorException(new LocalError(null, null))));
    }

    @Test
    void picocli_usage_errors_go_through_the_mapper() {
        CliRun.Result result = new CliRun(Path.of("/nonexistent"), Path.of("/nonexistent")).run("--no-such-option");

        assertEquals(2, result.exitCode());
    }
}
