package org.openrpiconnect.daemon.session;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * glibc's malloc_trim: hands the free pages of every malloc arena back to the kernel. WebRTC's threads leave
 * megabytes of freed memory in their arenas, which glibc keeps for reuse; once WebRTC is unloaded nothing will reuse
 * it. A class of its own rather than a method of {@link LibC}: a C library without malloc_trim (musl) fails this
 * binding alone, not the calls sessions need.
 */
final class NativeHeap {
    private static final boolean BOUND = bind();

    private NativeHeap() {}

    private static native int malloc_trim(NativeLong pad); // size_t: as wide as C's long (see LibC)

    /** Whether this C library has malloc_trim (glibc does). */
    static boolean available() {
        return BOUND;
    }

    /** True when glibc gave memory back; false when it had none to give or this C library cannot. */
    static boolean trim() {
        return BOUND && malloc_trim(new NativeLong(0)) == 1;
    }

    private static boolean bind() {
        try {
            Native.register(NativeHeap.class, "c");
            return true;
        } catch (LinkageError e) {
            return false;
        }
    }
}
