package org.openrpiconnect.daemon.cloud;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A socket's input that can be given a deadline: each read waits at most until then and fails once it has passed, so
 * that a server trickling an answer byte by byte (each byte within a read timeout) cannot hold a call for longer than
 * its timeout, headers included. Without a deadline it reads as the socket does.
 */
final class DeadlineInputStream extends FilterInputStream {
    private static final long NONE = Long.MAX_VALUE;

    private final Socket socket;
    private long deadlineNanos = NONE;

    DeadlineInputStream(Socket socket) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
    }

    /** Reads from now on fail once {@code System.nanoTime()} has passed {@code deadlineNanos}. */
    void until(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** Reads from now on wait as long as the socket's own read timeout says. */
    void noDeadline() {
        this.deadlineNanos = NONE;
    }

    @Override
    public int read() throws IOException {
        waitAtMostUntilDeadline();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        waitAtMostUntilDeadline();
        return super.read(b, off, len);
    }

    private void waitAtMostUntilDeadline() throws IOException {
        if (deadlineNanos == NONE) return;
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) throw new SocketTimeoutException("Read timed out");
        socket.setSoTimeout(CloudConnector.millis(Duration.ofNanos(left)));
    }
}
