package org.openrpiconnect.cli;

import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.ServiceParams;
import org.openrpiconnect.protocol.local.StatusResult;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code vnc on|off} and {@code shell on|off}: allow or disallow one kind of remote access (kept across restarts). */
abstract class RemoteAccessCommand implements Callable<Integer> {
    enum State { on, off }

    @ParentCommand
    RpiConnectCommand app;

    @Parameters(paramLabel = "on|off", description = "on: allow, off: disallow.")
    State state;

    private final String service;
    private final String label;

    RemoteAccessCommand(String service, String label) {
        this.service = service;
        this.label = label;
    }

    @Override
    public Integer call() {
        CliContext context = app.context();
        boolean allowed = state == State.on;
        context.daemon().call(LocalMethod.SET_SERVICE, new ServiceParams(service, allowed), StatusResult.class);
        context.out().println(label + " " + (allowed ? "allowed" : "disallowed"));
        return ExitCodes.OK;
    }
}
