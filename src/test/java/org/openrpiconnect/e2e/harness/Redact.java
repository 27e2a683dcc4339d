package org.openrpiconnect.e2e.harness;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Command lines as the harness writes them into logs: an auth key given on the command line is masked, so the
 * secret scan of the logs finds only what the programs themselves wrote.
 */
public final class Redact {
    private static final String AUTH_KEY_OPTION = "--auth-key=";

    private Redact() {}

    public static String commandLine(List<String> command) {
        return command.stream().map(Redact::argument).collect(Collectors.joining(" "));
    }

    static String argument(String arg) {
        if (arg.startsWith(AUTH_KEY_OPTION) && !arg.startsWith(AUTH_KEY_OPTION + "@")) {
            return AUTH_KEY_OPTION + "***";
        }
        return arg;
    }
}
