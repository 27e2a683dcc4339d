package org.openrpiconnect.cli;

import org.openrpiconnect.cli.format.StatusText;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.StatusResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "status", description = "Show whether this device is signed in and which remote access is allowed.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    RpiConnectCommand app;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    public Integer call() {
        CliContext context = app.context();
        StatusResult status = context.daemon().call(LocalMethod.STATUS, null, StatusResult.class);
        if (json) {
            context.out().println(Json.write(status));
        } else {
            context.out().print(StatusText.format(status));
        }
        return ExitCodes.OK;
    }
}
