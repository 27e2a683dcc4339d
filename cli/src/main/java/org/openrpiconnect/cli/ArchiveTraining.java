package org.openrpiconnect.cli;

import org.openrpiconnect.cli.service.CommandRunner;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.Version;
import org.openrpiconnect.protocol.local.LocalApi;
import org.openrpiconnect.protocol.local.LocalResponse;
import org.openrpiconnect.protocol.local.StatusResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run for the class-data sharing archive of the installed CLI: the package's update-cds-archive runs it
 * with {@code -XX:DumpLoadedClassList}, so the archive holds the classes of the CLI's usual paths, not only of one:
 * {@code status} with no daemon (FastPath), {@code status} and {@code status --json} answered by a stand-in daemon on
 * a socket in the given directory (local API client, JSON codec), and picocli's help, version and usage error.
 * Prints nothing. Usage: ArchiveTraining EMPTY_DIRECTORY
 */
public final class ArchiveTraining {
    private ArchiveTraining() {}

    public static void main(String[] args) throws IOException {
        run(Path.of(args[0]));
    }

    /** The exit codes of the commands it ran, in order. */
    static List<Integer> run(Path dir) throws IOException {
        List<Integer> exitCodes = new ArrayList<>();
        Path alone = Files.createDirectories(dir.resolve("no-daemon"));
        exitCodes.add(Main.run(quietContext(alone), "status"));
        Path withDaemon = Files.createDirectories(dir.resolve("daemon"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(withDaemon.resolve(LocalApi.SOCKET_NAME)));
            Thread daemon = new Thread(() -> answerStatus(server, 2), "stand-in rpi-connectd");
            daemon.setDaemon(true);
            daemon.start();
            exitCodes.add(Main.run(quietContext(withDaemon), "status"));
            exitCodes.add(Main.run(quietContext(withDaemon), "status", "--json"));
        }
        exitCodes.add(Main.run(quietContext(alone), "--help"));
        exitCodes.add(Main.run(quietContext(alone), "--version"));
        exitCodes.add(Main.run(quietContext(alone), "vnc", "maybe"));
        return exitCodes;
    }

    private static CliContext quietContext(Path runtimeDir) {
        Env env = new Env(Map.of(Env.RUNTIME_DIR, runtimeDir.toString(), Env.HOME, runtimeDir.toString()));
        return new CliContext(env, new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()),
                new CommandRunner(env), Duration.ofSeconds(1));
    }

    /** Answers {@code calls} requests, whatever they are, with a signed-in status of this version. */
    private static void answerStatus(ServerSocketChannel server, int calls) {
        StatusResult status = new StatusResult(true, true, new StatusResult.ServiceStatus(true, 0),
                new StatusResult.ServiceStatus(true, 1), "archive-training", "https://connect.example", null, null);
        String line = Json.write(new LocalResponse(LocalApi.PROTOCOL_VERSION, Version.current(),
                Json.tree(status), null)) + "\n";
        for (int i = 0; i < calls; i++) {
            try (SocketChannel client = server.accept()) {
                ByteBuffer request = ByteBuffer.allocate(4096);
                while (client.read(request) > 0 && request.get(request.position() - 1) != '\n') {
                    if (!request.hasRemaining()) break;
                }
                ByteBuffer answer = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (answer.hasRemaining()) client.write(answer);
            } catch (IOException e) {
                return; // the CLI side then reports its error, which is a path worth archiving too
            }
        }
    }
}
