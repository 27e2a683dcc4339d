package org.openrpiconnect.cli;

import org.openrpiconnect.cli.service.ServiceManagers;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "on", description = {"Start Raspberry Pi Connect (and enable it at login).",
        "Uses the systemd user manager when one is reachable, else runs rpi-connectd directly; "
                + "RPI_CONNECT_SERVICE_MANAGER=systemd|direct forces one."})
final class OnCommand implements Callable<Integer> {
    @ParentCommand
    RpiConnectCommand app;

    @Override
    public Integer call() {
        ServiceManagers.choose(app.context()).on();
        return ExitCodes.OK;
    }
}
