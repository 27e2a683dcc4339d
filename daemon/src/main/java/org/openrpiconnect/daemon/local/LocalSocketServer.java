package org.openrpiconnect.daemon.local;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.local.LocalApi;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import jdk.net.UnixDomainPrincipal;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.net.ExtendedSocketOptions;

/**
 * The local API socket ({@code $XDG_RUNTIME_DIR/rpi-connect.sock}, mode 0600). Each connection runs on its own
 * thread: peer check, one request line (size-limited, with a read timeout so a stuck client holds nothing but its
 * own thread), one response line, close.
 */
public final class LocalSocketServer implements AutoCloseable {
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(LocalSocketServer.class);

    private final Path socketPath;
    private final PeerCredentialCheck peers;
    private final Duration readTimeout;
    private final AtomicInteger connectionNumber = new AtomicInteger();
    private ServerSocketChannel server;
    private volatile boolean closed;

    public LocalSocketServer(Path socketPath, PeerCredentialCheck peers, Duration readTimeout) {
        this.socketPath = socketPath;
        this.peers = peers;
        this.readTimeout = readTimeout;
    }

    public Path socketPath() {
        return socketPath;
    }

    /**
     * Binds the socket. An existing socket file that a daemon answers on means one is running already; one that
     * refuses connections was left by a daemon that died, and is replaced.
     */
    public synchronized void bind() throws IOException, AlreadyRunningException {
        if (Files.exists(socketPath, LinkOption.NOFOLLOW_LINKS)) {
            if (answers(socketPath)) throw new AlreadyRunningException(socketPath);
            log.info("Removing the stale socket {} (no daemon answers on it)", socketPath);
            Files.delete(socketPath);
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socketPath));
            Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        server = channel;
    }

    /** Accepts connections on a background thread until {@link #close()}. */
    public synchronized void serve(LocalDispatcher dispatcher) {
        if (server == null) throw new IllegalStateException("bind() first");
        ServerSocketChannel channel = server;
        Thread acceptor = new Thread(() -> acceptLoop(channel, dispatcher), "local-api-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Stops accepting and removes the socket file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            if (server != null) server.close();
        } catch (IOException e) {
            log.debug("Closing the local socket: {}", e.toString());
        }
        try {
            if (server != null) Files.deleteIfExists(socketPath);
        } catch (IOException e) {
            log.warn("Could not remove the socket {}: {}", socketPath, e.getMessage());
        }
    }

    private static boolean answers(Path socket) throws IOException {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    private void acceptLoop(ServerSocketChannel channel, LocalDispatcher dispatcher) {
        while (!closed) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed) return;
                log.warn("Accepting a local connection failed: {}", e.getMessage());
                continue;
            }
            Thread t = new Thread(() -> handle(client, dispatcher), "local-api-" + connectionNumber.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
    }

    private void handle(SocketChannel client, LocalDispatcher dispatcher) {
        try (client) {
            UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!peers.allows(peer)) {
                log.warn("Refused a local connection from user {} (only {} may use this daemon)",
                        peer == null ? "unknown" : peer.user().getName(), peers.daemonUser().getName());
                // Take in (and discard, never dispatch) the request first: closing on a client still writing it
                // would give that client a broken pipe instead of this answer.
                RequestLineReader.read(client, LocalApi.MAX_MESSAGE_BYTES, readTimeout);
                send(client, LocalDispatcher.error(LocalErrorCode.PERMISSION_DENIED, "This rpi-connectd belongs to "
                        + peers.daemonUser().getName() + "; run rpi-connect as that user."));
                return;
            }
            LocalReply reply = replyTo(RequestLineReader.read(client, LocalApi.MAX_MESSAGE_BYTES, readTimeout),
                    dispatcher);
            if (reply == null) return;
            send(client, reply.response());
            client.close();
            reply.afterReply().run();
        } catch (IOException e) {
            log.debug("Local connection ended early: {}", e.toString());
        } catch (RuntimeException e) {
            log.error("Local connection failed: {}", e.toString());
        }
    }

    private LocalReply replyTo(RequestLineReader.Result read, LocalDispatcher dispatcher) {
        if (read instanceof RequestLineReader.Line line) return dispatcher.dispatch(line.bytes());
        if (read instanceof RequestLineReader.TooLarge) {
            return LocalReply.of(LocalDispatcher.error(LocalErrorCode.BAD_REQUEST,
                    "The request is larger than " + LocalApi.MAX_MESSAGE_BYTES + " bytes."));
        }
        if (read instanceof RequestLineReader.TimedOut) {
            return LocalReply.of(LocalDispatcher.error(LocalErrorCode.BAD_REQUEST,
                    "No complete request line arrived within " + readTimeout.toSeconds() + " s."));
        }
        return null; // the client sent nothing
    }

    private static void send(SocketChannel client, LocalResponse response) throws IOException {
        byte[] json = Json.writeBytes(response);
        ByteBuffer out = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        while (out.hasRemaining()) client.write(out);
    }
}
