package org.openrpiconnect.cli;

import picocli.CommandLine;

/**
 * {@code rpi-connect}: runs one command and exits with the code from {@link ExitCodes}. A plainly written subcommand
 * runs through {@link FastPath}, without picocli's start-up cost; everything else (help, version, usage errors...)
 * through picocli.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(CliContext.fromSystem(), args));
    }

    public static int run(CliContext context, String... args) {
        try {
            FastPath.Invocation invocation = FastPath.parse(CommandTable.load(), context, args);
            if (invocation != null) return invocation.execute(context);
            return commandLine(context).setOut(context.out()).setErr(context.err()).execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /** The picocli model of rpi-connect as it runs (also the source of the man page, completion and CommandTable). */
    static CommandLine commandLine(CliContext context) {
        return new CommandLine(new RpiConnectCommand(context))
                .setExitCodeExceptionMapper(new ExitCodes())
                .setExecutionExceptionHandler(new CliErrorHandler());
    }
}
