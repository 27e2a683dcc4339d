package org.openrpiconnect.cli.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One exchange on the daemon's Unix socket: connect, write one request line, read one response line (until newline
 * or end of stream), bounded in time so a wedged daemon cannot hang the CLI.
 */
final class LocalSocketTransport {
    /** Responses are small (status, doctor); this only guards against a runaway peer. */
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private final Path socket;

    LocalSocketTransport(Path socket) {
        this.socket = socket;
    }

    Path socket() {
        return socket;
    }

    /**
     * The request line is made only once a socket file exists: the common "not running" answer then costs no
     * JSON codec start-up (tens of milliseconds of a CLI run).
     */
    String exchange(Supplier<String> requestLine, Duration timeout) {
        if (!Files.exists(socket)) throw new DaemonNotRunningException();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            connect(channel);
            writeFully(channel, ByteBuffer.wrap((requestLine.get() + "\n").getBytes(StandardCharsets.UTF_8)));
            return readLine(channel, timeout);
        } catch (IOException e) {
            throw new DaemonUnreachableException("Cannot talk to rpi-connectd on " + socket + ": " + e.getMessage()
                    + "; run rpi-connect restart");
        }
    }

    private void connect(SocketChannel channel) {
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (ConnectException e) {
            throw new DaemonNotRunningException(); // a stale socket file: nobody listens
        } catch (IOException e) {
            // For example "Permission denied": a socket of another user (or root) is in the way.
            throw new DaemonUnreachableException("Cannot connect to rpi-connectd on " + socket + ": " + e.getMessage()
                    + "; rpi-connect and rpi-connectd must run as the same user");
        }
    }

    private static void writeFully(SocketChannel channel, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) channel.write(data);
    }

    private String readLine(SocketChannel channel, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (true) {
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMillis <= 0) {
                    throw new DaemonUnreachableException("rpi-connectd did not answer within " + timeout.toSeconds()
                            + " s; run rpi-connect restart");
                }
                selector.select(leftMillis);
                selector.selectedKeys().clear();
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) break;
                for (int i = 0; i < n; i++) {
                    byte b = buffer.get(i);
                    if (b == '\n') return line.toString(StandardCharsets.UTF_8);
                    line.write(b);
                }
                if (line.size() > MAX_RESPONSE_BYTES) throw new DaemonProtocolException("answer too long");
            }
        }
        if (line.size() == 0) throw new DaemonProtocolException("it closed the connection without answering");
        return line.toString(StandardCharsets.UTF_8);
    }
}
