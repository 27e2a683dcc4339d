package org.openrpiconnect.cli;

import picocli.CommandLine;

/** {@code rpi-connect}: runs one command and exits with the code from {@link ExitCodes}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(CliContext.fromSystem(), args));
    }

    public static int run(CliContext context, String... args) {
        CommandLine commandLine = new CommandLine(new RpiConnectCommand(context))
                .setOut(context.out())
                .setErr(context.err())
                .setExitCodeExceptionMapper(new ExitCodes())
                .setExecutionExceptionHandler(new CliErrorHandler());
        try {
            return commandLine.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }
}
