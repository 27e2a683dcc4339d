package org.openrpiconnect.cli;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.json.JsonValue;
import org.openrpiconnect.protocol.Version;
import org.openrpiconnect.protocol.local.LocalApi;
import org.openrpiconnect.protocol.local.LocalError;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.LocalRequest;
import org.openrpiconnect.protocol.local.LocalResponse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for rpi-connectd in tests: a real Unix socket at RUNTIME_DIR/rpi-connect.sock speaking the local API
 * (one request line, one response line per connection), answering with what the test scripts for each request.
 */
final class FakeDaemon implements AutoCloseable {
    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<LocalRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<LocalRequest, LocalResponse> handler;
    private volatile String version = Version.current();

    FakeDaemon(Path runtimeDir, Function<LocalRequest, LocalResponse> handler) throws IOException {
        this.socket = runtimeDir.resolve(LocalApi.SOCKET_NAME);
        this.handler = handler;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.acceptor = new Thread(this::serve, "fake-rpi-connectd");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void answerWith(Function<LocalRequest, LocalResponse> handler) {
        this.handler = handler;
    }

    void reportVersion(String version) {
        this.version = version;
    }

    List<LocalRequest> requests() {
        return requests;
    }

    List<LocalMethod> methods() {
        return requests.stream().map(LocalRequest::method).toList();
    }

    LocalResponse ok(Object result) {
        JsonValue node = Json.tree(result);
        return new LocalResponse(LocalApi.PROTOCOL_VERSION, version, node, null);
    }

    LocalResponse error(LocalErrorCode code, String message) {
        return new LocalResponse(LocalApi.PROTOCOL_VERSION, version, null, new LocalError(code, message));
    }

    /** Stops listening and removes the socket, as a daemon that exits does. */
    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                LocalRequest request = Json.read(in.readLine(), LocalRequest.class);
                requests.add(request);
                LocalResponse response = handler.apply(request);
                if (response != null) {
                    OutputStream out = Channels.newOutputStream(client);
                    out.write((Json.write(response) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                if (!server.isOpen()) return;
            }
        }
    }
}
