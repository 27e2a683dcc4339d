package org.openrpiconnect.cli;

/** The command line or an input it names (an auth key file, an environment variable) is not usable as given. */
public final class BadInputException extends CliException {
    public BadInputException(String message) {
        super(message);
    }
}
