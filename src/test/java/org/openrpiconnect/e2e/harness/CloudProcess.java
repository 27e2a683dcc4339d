package org.openrpiconnect.e2e.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real cloud, {@code bin/rpi-connect-cloud serve}, on a free port and a fresh data folder. It runs as the
 * test JVM's user: only the device side must be an ordinary user. Its log: &lt;logDir&gt;/cloud.log.
 */
public final class CloudProcess implements AutoCloseable {
    private static final Pattern LISTENING =
            Pattern.compile("rpi-connect-cloud listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final Path logDir;
    private final CloudAdmin admin;
    private final List<String> serveOptions;
    private ManagedProcess server;
    private String url;
    private int port;

    private CloudProcess(Path dataDir, Path logDir, List<String> serveOptions) {
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.serveOptions = List.copyOf(serveOptions);
        this.admin = new CloudAdmin(dataDir, logDir);
    }

    public static CloudProcess start(Path logDir) {
        return start(logDir, List.of());
    }

    /** With more {@code serve} options, e.g. {@code --turn-url URL --turn-secret-file FILE}. */
    public static CloudProcess start(Path logDir, List<String> serveOptions) {
        CloudProcess cloud = new CloudProcess(TempDirs.create("cloud"), logDir, serveOptions);
        cloud.launch(0);
        return cloud;
    }

    private void launch(int requestedPort) {
        List<String> cmd = new ArrayList<>(List.of(E2ePaths.launcher("rpi-connect-cloud"), "serve",
                "--port", Integer.toString(requestedPort), "--data", dataDir.toString()));
        cmd.addAll(serveOptions);
        server = ManagedProcess.start("rpi-connect-cloud serve", cmd, null, logFile());
        try {
            Matcher m = server.awaitLine(LISTENING, START_TIMEOUT);
            url = m.group(1);
            port = Integer.parseInt(m.group(2));
        } catch (AssertionError e) {
            server.stop();
            throw e;
        }
    }

    public String url() {
        return url;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logDir.resolve("cloud.log");
    }

    public boolean isRunning() {
        return server != null && server.isAlive();
    }

    /** SIGTERM and wait: what an operator's service manager does. */
    public void stop() {
        if (server != null) server.stop();
    }

    /** Starts the server again on the same port and data folder (stopping it first if it still runs). */
    public void restart() {
        stop();
        launch(port);
    }

    /** The admin command line: {@code bin/rpi-connect-cloud ARGS --data DIR}. */
    public ProcessResult admin(String... args) {
        return admin.run(null, args);
    }

    /** The admin command line with {@code stdin} (e.g. a password) on its standard input. */
    public ProcessResult adminWithStdin(String stdin, String... args) {
        return admin.run(stdin, args);
    }

    /** Typed helpers over the admin command line (create users, keys; list and remove devices). */
    public CloudAdmin accounts() {
        return admin;
    }

    @Override
    public void close() {
        stop();
        TempDirs.deleteRecursively(dataDir);
    }
}
