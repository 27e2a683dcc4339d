package org.openrpiconnect.cli;

import org.openrpiconnect.cli.format.DoctorText;
import org.openrpiconnect.cli.local.DaemonProtocolException;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.local.DoctorResult;
import org.openrpiconnect.protocol.local.LocalMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "doctor", description = {"Check that Raspberry Pi Connect can work on this device and network.",
        "Exits with 1 when a check failed."})
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    RpiConnectCommand app;

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Override
    public Integer call() {
        CliContext context = app.context();
        DoctorResult result = context.daemon().call(LocalMethod.DOCTOR, null, DoctorResult.class);
        if (result.checks() == null) throw new DaemonProtocolException("doctor result without checks");
        if (json) {
            context.out().println(Json.write(result));
        } else {
            context.out().print(DoctorText.format(result));
        }
        return result.allPassed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
