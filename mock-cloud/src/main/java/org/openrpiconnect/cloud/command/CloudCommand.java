package org.openrpiconnect.cloud.command;

import org.openrpiconnect.protocol.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rpi-connect-cloud}: the server and its admin commands. */
@Command(name = "rpi-connect-cloud", mixinStandardHelpOptions = true, versionProvider = CloudCommand.VersionOf.class,
        description = "The self-hostable Raspberry Pi Connect cloud.",
        subcommands = {ServeCommand.class, UserCommand.class, OrgCommand.class, AuthKeyCommand.class,
                TokenCommand.class, DeviceCommand.class})
public final class CloudCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    static final class VersionOf implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rpi-connect-cloud " + Version.current()};
        }
    }

    /** The command line with its error handling: one line on stderr per user error, no stack trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CloudCommand());
        cl.setExecutionExceptionHandler(new CommandErrors());
        return cl;
    }
}
