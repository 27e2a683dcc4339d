package org.openrpiconnect.packaging;

import org.openrpiconnect.cli.CliContext;
import org.openrpiconnect.cli.RpiConnectCommand;
import picocli.CommandLine;

/** The picocli models of the two programs, built from their classes exactly as their main methods build them. */
public final class CommandModels {
    static final String DAEMON_MAIN = "org.openrpiconnect.daemon.Main";

    private CommandModels() {}

    public static CommandLine rpiConnect() {
        return new CommandLine(new RpiConnectCommand(CliContext.fromSystem()));
    }

    /** The daemon is a runtime dependency of this module (see pom.xml), so its class is loaded by name. */
    public static CommandLine rpiConnectd() {
        try {
            Class<?> main = Class.forName(DAEMON_MAIN);
            var constructor = main.getDeclaredConstructor();
            constructor.setAccessible(true);
            return new CommandLine(constructor.newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the model of rpi-connectd from " + DAEMON_MAIN, e);
        }
    }
}
