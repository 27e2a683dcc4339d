package org.openrpiconnect.cli;

import org.openrpiconnect.protocol.local.ServiceParams;
import picocli.CommandLine.Command;

@Command(name = "shell", description = "Allow or disallow remote shell access.")
final class ShellCommand extends RemoteAccessCommand {
    ShellCommand() {
        super(ServiceParams.SHELL, "Remote shell access");
    }
}
