package org.openrpiconnect.cli;

import org.openrpiconnect.cli.service.ServiceManagers;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "off", description = {"Stop Raspberry Pi Connect (and disable it at login).",
        "Uses the systemd user manager when one is reachable, else runs rpi-connectd directly; "
                + "RPI_CONNECT_SERVICE_MANAGER=systemd|direct forces one."})
final class OffCommand implements Callable<Integer> {
    @ParentCommand
    RpiConnectCommand app;

    @Override
    public Integer call() {
        ServiceManagers.choose(app.context()).off();
        return ExitCodes.OK;
    }
}
