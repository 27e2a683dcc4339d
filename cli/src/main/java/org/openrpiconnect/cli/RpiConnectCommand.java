package org.openrpiconnect.cli;

import org.openrpiconnect.protocol.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code rpi-connect}: the top command; each subcommand makes one or two calls to rpi-connectd's local API. */
@Command(name = "rpi-connect", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = RpiConnectCommand.VersionProvider.class, usageHelpAutoWidth = true,
        description = "Raspberry Pi Connect: access this device's screen and shell from a browser.",
        subcommands = {OnCommand.class, OffCommand.class, RestartCommand.class, SigninCommand.class,
                SignoutCommand.class, StatusCommand.class, DoctorCommand.class, VncCommand.class, ShellCommand.class},
        footer = {"", ExitCodes.SUMMARY})
public final class RpiConnectCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    public RpiConnectCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: rpi-connect needs one of the commands below");
    }

    /** {@code --version}: "rpi-connect X.Y.Z". */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rpi-connect " + Version.current()};
        }
    }
}
