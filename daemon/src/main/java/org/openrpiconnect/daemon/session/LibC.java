package org.openrpiconnect.daemon.session;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few C library calls Java lacks here, through JNA direct mapping (the fast kind): signalling process groups,
 * and reading a pty's master side without pty4j's per-read overhead. Bound on first use (the first session).
 */
final class LibC {
    static final int SIGHUP = 1;
    static final int SIGKILL = 9;
    static final int SIGCONT = 18;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final short POLLIN = 0x1;

    static {
        Native.register("c");
    }

    private LibC() {}

    static native int kill(int pid, int signal) throws LastErrorException;

    // size_t and nfds_t are as wide as C's long: NativeLong, never Java's long (64 bits everywhere; on armhf a long
    // argument would shift the ones after it into other registers).
    static native int read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

    static native int poll(Pointer fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    static native int dup(int fd) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    /** Signals every process of the group; false when none is left (or none is ours). */
    static boolean signalGroup(long pgid, int signal) {
        return pgid > 1 && signal((int) -pgid, signal);
    }

    static boolean signalProcess(long pid, int signal) {
        return pid > 1 && signal((int) pid, signal);
    }

    private static boolean signal(int target, int signal) {
        try {
            return kill(target, signal) == 0;
        } catch (LastErrorException e) {
            return false; // ESRCH: gone already; EPERM: not ours
        }
    }
}
