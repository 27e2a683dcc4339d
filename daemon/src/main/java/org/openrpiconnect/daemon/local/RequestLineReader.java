package org.openrpiconnect.daemon.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Reads one request line from a client with a deadline and a size limit. Unix domain channels have no socket
 * timeout, so the channel is read non-blocking under a selector; it is blocking again when this returns.
 */
final class RequestLineReader {
    sealed interface Result {}

    /** The line without its newline (a request ended by EOF instead of a newline is accepted too). */
    record Line(byte[] bytes) implements Result {}

    record TooLarge() implements Result {}

    record TimedOut() implements Result {}

    /** The client went away without sending anything. */
    record Nothing() implements Result {}

    private RequestLineReader() {}

    static Result read(SocketChannel channel, int maxBytes, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (true) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) return new TimedOut();
                selector.select(remainingMillis);
                selector.selectedKeys().clear();
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) return line.size() == 0 ? new Nothing() : new Line(line.toByteArray());
                for (int i = 0; i < n; i++) {
                    byte b = buffer.get(i);
                    if (b == '\n') return new Line(line.toByteArray());
                    if (line.size() >= maxBytes) return new TooLarge();
                    line.write(b);
                }
            }
        } finally {
            // Deregistration completes when the selector closes (end of try); only then may it block again.
            if (channel.isOpen()) channel.configureBlocking(true);
        }
    }
}
