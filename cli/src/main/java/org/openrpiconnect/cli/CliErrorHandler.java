package org.openrpiconnect.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Prints what went wrong on stderr, without a stack trace, and returns the exit code from {@link ExitCodes}:
 * a {@link CliException}'s message as it is, anything else as one line naming the unexpected error.
 */
final class CliErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        return report(error, commandLine.getErr());
    }

    /** The one way a command's error reaches the user, whether picocli or {@link FastPath} ran the command. */
    static int report(Exception error, PrintWriter err) {
        if (error instanceof CliException) {
            err.println(error.getMessage());
        } else {
            err.println("rpi-connect: unexpected error: " + describe(error)
                    + ". Run rpi-connect restart and try again; if it persists, report it with the output of "
                    + "rpi-connect doctor");
        }
        err.flush();
        return new ExitCodes().getExitCode(error);
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
