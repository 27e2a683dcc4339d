package org.openrpiconnect.daemon.session;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;

import java.io.IOException;

/**
 * The pty's output, read straight from the master side: about three times the throughput of pty4j's stream
 * (measured 150-190 MB/s against 40-50 for {@code cat} of 100 MB), and each read gathers everything already
 * waiting, so a burst leaves in few large messages while a single keystroke's echo leaves at once.
 *
 * <p>Reads a duplicate of pty4j's master descriptor, so pty4j closing its own never lets this one read a reused
 * descriptor number. Waits with poll() in short slices, so {@link #stop()} ends a waiting reader promptly even when
 * a leftover process still holds the terminal open. One reader thread; it closes the descriptor when it ends.
 */
final class PtyOutput {
    private static final int WAIT_SLICE_MILLIS = 250;
    private static final NativeLong ONE_DESCRIPTOR = new NativeLong(1);

    private final int fd;
    private final Memory pollFd = new Memory(8); // struct pollfd { int fd; short events; short revents; }
    private Memory scratch = new Memory(1);
    private volatile boolean stopped;
    private boolean closed;

    private PtyOutput(int fd) {
        this.fd = fd;
        pollFd.setInt(0, fd);
        pollFd.setShort(4, LibC.POLLIN);
    }

    static PtyOutput of(int masterFd) throws IOException {
        try {
            return new PtyOutput(LibC.dup(masterFd));
        } catch (LastErrorException e) {
            throw new IOException("cannot duplicate the terminal's descriptor (errno " + e.getErrorCode() + ")");
        }
    }

    /**
     * Waits for output, then fills {@code buffer} with what is there, up to its size. Returns the count, or -1 once
     * the terminal is closed (every process holding it has ended) or the reader was stopped.
     */
    int read(byte[] buffer) {
        if (scratch.size() < buffer.length) scratch = new Memory(buffer.length);
        int n = readSome(0, buffer.length, true);
        if (n <= 0) return -1;
        while (n < buffer.length) {
            int more = readSome(n, buffer.length - n, false);
            if (more <= 0) break; // nothing more right now, or the end: that shows on the next call
            n += more;
        }
        scratch.read(0, buffer, 0, n);
        return n;
    }

    /** Ends the reader within a wait slice; the descriptor is closed by the reader itself. */
    void stop() {
        stopped = true;
    }

    /** Closes the descriptor; call from the reader thread once it is done. */
    void close() {
        if (closed) return;
        closed = true;
        try {
            LibC.close(fd);
        } catch (LastErrorException e) {
            // already gone
        }
    }

    private int readSome(int offset, int count, boolean wait) {
        while (true) {
            if (stopped) return -1;
            int ready = poll(wait ? WAIT_SLICE_MILLIS : 0);
            if (ready < 0) return -1;
            if (ready == 0) {
                if (wait) continue;
                return 0;
            }
            try {
                return LibC.read(fd, scratch.share(offset), new NativeLong(count));
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EINTR || e.getErrorCode() == LibC.EAGAIN) continue;
                return -1; // EIO: the other side of the terminal is closed by all
            }
        }
    }

    /** 1 when readable (or hung up: the read then tells), 0 on timeout, -1 on error. */
    private int poll(int timeoutMillis) {
        pollFd.setShort(6, (short) 0);
        try {
            int r = LibC.poll(pollFd, ONE_DESCRIPTOR, timeoutMillis);
            return r > 0 ? 1 : 0;
        } catch (LastErrorException e) {
            return e.getErrorCode() == LibC.EINTR ? 0 : -1;
        }
    }
}
