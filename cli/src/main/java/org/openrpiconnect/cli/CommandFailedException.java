package org.openrpiconnect.cli;

/** The command ran but did not reach its goal (for example a sign-in that expired); the message says why. */
public final class CommandFailedException extends CliException {
    public CommandFailedException(String message) {
        super(message);
    }
}
