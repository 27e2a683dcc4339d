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
 * runs it with {@code -XX:DumpLoadedClassList}, so the archive holds what an idle daemon loads, and no more (the JVM
 * relocates the whole archive at start, so even its unused classes stay resident: the archive must fit the idle
 * path). {@code DaemonArchiveTraining DIR} runs the real daemon in the scratch directory DIR against an
 * {@link ArchiveTrainingCloud} on loopback, until it is subscribed; update-cds-archive runs it twice:
 * <ul>
 *   <li>first in a run it does not list: the daemon signs in with an auth key file and subscribes to events,
 *       leaving a linked device in DIR;</li>
 *   <li>then the listed run: the daemon starts linked, as after every boot - reads its settings, state and key,
 *       serves its socket, reads itself from the cloud, subscribes to events over a WebSocket and answers a ping -
 *       and answers {@code status} over its socket; then it stops.</li>
 * </ul>
 * Trained against a closed port instead (before), the linked daemon's classes were missing: an idle daemon 1.3 MB
 * larger, measured. No traffic leaves the machine. Prints nothing but the daemon's own log lines; exits 0 once the
 * daemon was subscribed.
 */
public final class DaemonArchiveTraining {
    private static final long SUBSCRIBE_MILLIS = 30_000; // a slow board starting; the loop ends once subscribed

    private DaemonArchiveTraining() {}

    public static void main(String[] args) throws Exception {
        StatusResult status = run(Path.of(args[0]));
        System.exit(status != null && status.subscribed() ? 0 : 1); // else the archive misses the linked path
    }

    /**
     * Starts the daemon in {@code dir} (signing in first when it is not linked there yet) until it is subscribed,
     * then stops it; returns its last answer to {@code status} (null when it answered an error).
     */
    static StatusResult run(Path dir) throws Exception {
        try (ArchiveTrainingCloud cloud = ArchiveTrainingCloud.start()) {
            return run(dir, cloud.url());
        }
    }

    private static StatusResult run(Path dir, String cloudUrl) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Path state = Files.createDirectories(home.resolve(".config").resolve(DaemonEnvironment.STATE_DIR_NAME));
        if (!Files.exists(state.resolve(StateStore.STATE_FILE))) {
            Files.writeString(state.resolve(StateStore.AUTH_KEY_FILE), "rpuak_archive_training\n");
        }
        DaemonEnvironment env = new DaemonEnvironment(Map.of("HOME", home.toString(),
                "XDG_RUNTIME_DIR", runtime.toString(), "PATH", "/usr/bin:/bin",
                CloudUrlConfig.ENV_VAR, cloudUrl));
        Daemon daemon = Daemon.start(env, new Daemon.Options(null));
        try {
            String request = Json.write(LocalRequest.of(LocalMethod.STATUS, null)) + "\n";
            long deadline = System.nanoTime() + SUBSCRIBE_MILLIS * 1_000_000;
            StatusResult status = status(ask(env.socketPath(), request));
            while (status != null && !status.subscribed() && System.nanoTime() < deadline) {
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
