package org.openrpiconnect.cli;

import org.openrpiconnect.protocol.local.ServiceParams;
import picocli.CommandLine.Command;

@Command(name = "vnc", description = "Allow or disallow screen sharing.")
final class VncCommand extends RemoteAccessCommand {
    VncCommand() {
        super(ServiceParams.VNC, "Screen sharing");
    }
}
