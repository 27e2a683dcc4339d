package org.openrpiconnect.daemon;

import org.openrpiconnect.daemon.config.CloudUrlConfig;
import org.openrpiconnect.daemon.state.StateStore;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.local.LocalApi;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.LocalRequest;
import org.openrpiconnect.protocol.local.LocalResponse;
import org.openrpiconnect.protocol.local.StatusResult;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The training run for the class-data sharing archive of the installed daemon: the package's update-cds-archive
 * runs it with {@code -XX:DumpLoadedClassList}, so the archive holds what an idle daemon loads. It starts the real
 * daemon in the given empty directory with an auth key file and a cloud URL on a loopback port where nothing
 * listens: the daemon reads its settings and state, serves its socket, tries to sign in over HTTP (refused, so it
 * backs off as it would offline), and answers {@code status} over its socket; then it stops. No traffic leaves the
 * machine. Prints nothing but the daemon's own log lines. Usage: DaemonArchiveTraining EMPTY_DIRECTORY
 */
public final class DaemonArchiveTraining {
    private static final long SIGN_IN_ATTEMPT_MILLIS = 10_000;

    private DaemonArchiveTraining() {}

    public static void main(String[] args) throws Exception {
        StatusResult status = run(Path.of(args[0]));
        System.exit(status != null && status.problem() != null ? 0 : 1); // else the sign-in attempt was not seen
    }

    /** The daemon's answer to {@code status} (null when it answered an error). */
    static StatusResult run(Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Path state = Files.createDirectories(home.resolve(".config").resolve(DaemonEnvironment.STATE_DIR_NAME));
        Files.writeString(state.resolve(StateStore.AUTH_KEY_FILE), "rpuak_archive_training\n");
        DaemonEnvironment env = new DaemonEnvironment(Map.of("HOME", home.toString(),
                "XDG_RUNTIME_DIR", runtime.toString(), "PATH", "/usr/bin:/bin",
                CloudUrlConfig.ENV_VAR, "http://127.0.0.1:" + closedLoopbackPort()));
        Daemon daemon = Daemon.start(env, new Daemon.Options(null));
        try {
            // status reports the refused sign-in as the daemon's problem once the attempt is over
            String request = Json.write(LocalRequest.of(LocalMethod.STATUS, null)) + "\n";
            long deadline = System.nanoTime() + SIGN_IN_ATTEMPT_MILLIS * 1_000_000;
            StatusResult status = status(ask(env.socketPath(), request));
            while (status != null && status.problem() == null && System.nanoTime() < deadline) {
                Thread.sleep(100);
                status = status(ask(env.socketPath(), request));
            }
            return status;
        } finally {
            daemon.stop();
        }
    }

    private static StatusResult status(String answer) {
        LocalResponse response = Json.read(answer, LocalResponse.class);
        return response.result() == null ? null : Json.read(response.result(), StatusResult.class);
    }

    /** A loopback port nothing listens on (just released): connecting is refused at once. */
    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String ask(Path socket, String line) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            ByteBuffer answer = ByteBuffer.allocate(LocalApi.MAX_MESSAGE_BYTES);
            while (channel.read(answer) > 0 && answer.hasRemaining()) {
                // until the daemon closes
            }
            return new String(answer.array(), 0, answer.position(), StandardCharsets.UTF_8);
        }
    }
}
