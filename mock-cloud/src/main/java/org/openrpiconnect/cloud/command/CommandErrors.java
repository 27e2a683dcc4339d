package org.openrpiconnect.cloud.command;

import org.openrpiconnect.cloud.db.DatabaseException;
import org.openrpiconnect.cloud.service.CloudError;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.UncheckedIOException;

/**
 * How a failed command ends: one line on stderr that says what to do, exit code 1. Only a failure nobody foresaw
 * (a bug) gets a stack trace, and only with -v.
 */
final class CommandErrors implements IExecutionExceptionHandler {
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        String name = "rpi-connect-cloud";
        if (e instanceof CloudError || e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof DatabaseException || e instanceof UncheckedIOException) {
            cl.getErr().println(name + ": " + e.getMessage());
        } else {
            cl.getErr().println(name + ": unexpected failure: " + e + " (run with -v for details)");
            if (verbose(parsed)) e.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return FAILED;
    }

    private static boolean verbose(ParseResult parsed) {
        ParseResult p = parsed;
        while (p != null) {
            if (p.hasMatchedOption("-v")) return true;
            p = p.hasSubcommand() ? p.subcommand() : null;
        }
        return false;
    }
}
