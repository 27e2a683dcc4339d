package org.openrpiconnect.cli;

import org.openrpiconnect.cli.local.DaemonErrorException;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.StatusResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "signout", description = "Sign this device out of Raspberry Pi Connect.")
final class SignoutCommand implements Callable<Integer> {
    @ParentCommand
    RpiConnectCommand app;

    @Override
    public Integer call() {
        CliContext context = app.context();
        try {
            context.daemon().call(LocalMethod.SIGNOUT, null, StatusResult.class);
            context.out().println("Signed out");
        } catch (DaemonErrorException e) {
            if (e.code() != LocalErrorCode.NOT_SIGNED_IN) throw e;
            context.out().println("Not signed in");
        }
        return ExitCodes.OK;
    }
}
