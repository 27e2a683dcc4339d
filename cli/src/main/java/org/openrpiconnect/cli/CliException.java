package org.openrpiconnect.cli;

/**
 * An error the user can act on: its message is printed as it is (one or more lines, no stack trace) and says what to
 * do next. {@link ExitCodes} maps each kind to the process's exit code.
 */
public class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
