package org.openrpiconnect.daemon;

import org.openrpiconnect.protocol.Version;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rpi-connectd}: the per-user Raspberry Pi Connect daemon. */
@Command(name = "rpi-connectd", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"The Raspberry Pi Connect daemon: links this device with the cloud and serves rpi-connect "
                + "on $XDG_RUNTIME_DIR/rpi-connect.sock. Runs as an ordinary user (a systemd user service)."})
public final class Main implements Callable<Integer> {
    @Option(names = "-v", description = "Debug logging.")
    boolean verbose;

    @Option(names = "-socket", paramLabel = "PATH", description = "The wayvnc socket to use for screen sharing.")
    Path wayvncSocket;

    @Option(names = "--allow-root", description = "Run as root (inside a container only). "
            + "Also RPI_CONNECT_ALLOW_ROOT=1.")
    boolean allowRoot;

    public static void main(String[] args) {
        Optional<Main> plain = PlainArguments.bind(args);
        int code;
        if (plain.isPresent()) {
            try {
                code = plain.get().call();
            } catch (Exception e) { // as picocli's execute reports a failure
                e.printStackTrace();
                code = CommandLine.ExitCode.SOFTWARE;
            }
        } else {
            code = new CommandLine(new Main()).execute(args);
        }
        System.exit(code);
    }

    @Override
    public Integer call() throws InterruptedException {
        DaemonLogging.debug(verbose);
        DaemonEnvironment env = new DaemonEnvironment(System.getenv());
        if (RootGuard.runningAsRoot() && !allowRoot && !env.allowRoot()) {
            System.err.println(RootGuard.MESSAGE);
            return 1;
        }
        Daemon daemon;
        try {
            daemon = Daemon.start(env, new Daemon.Options(wayvncSocket));
        } catch (StartupException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::stop, "shutdown"));
        daemon.awaitStop();
        LoggerFactory.getLogger(Main.class).info("rpi-connectd stopped");
        return 0;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rpi-connectd " + Version.current()};
        }
    }
}
