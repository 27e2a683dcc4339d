package org.openrpiconnect.cli;

import picocli.CommandLine;

/**
 * Prints what went wrong on stderr, without a stack trace, and returns the exit code from {@link ExitCodes}:
 * a {@link CliException}'s message as it is, anything else as one line naming the unexpected error.
 */
final class CliErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (error instanceof CliException) {
            commandLine.getErr().println(error.getMessage());
        } else {
            commandLine.getErr().println("rpi-connect: unexpected error: " + describe(error)
                    + ". Run rpi-connect restart and try again; if it persists, report it with the output of "
                    + "rpi-connect doctor");
        }
        commandLine.getErr().flush();
        return commandLine.getExitCodeExceptionMapper().getExitCode(error);
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
