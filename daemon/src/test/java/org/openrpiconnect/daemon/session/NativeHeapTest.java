package org.openrpiconnect.daemon.session;

import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeHeapTest {
    private static final int BLOCKS = 8192;
    private static final int BLOCK_BYTES = 4096;

    @Test
    void memory_a_finished_thread_freed_is_back_with_the_kernel_after_trimming() throws Exception {
        assertTrue(NativeHeap.available(), "malloc_trim is bound (glibc)");
        // As WebRTC's threads do: many small allocations in a thread's own arena, freed when its work ends, with
        // something still in use above them, so that free() alone usually keeps the pages.
        List<Memory> kept = new ArrayList<>();
        AtomicLong allocatedKb = new AtomicLong();
        Thread worker = new Thread(() -> {
            List<Memory> blocks = new ArrayList<>();
            for (int i = 0; i < BLOCKS; i++) {
                Memory block = new Memory(BLOCK_BYTES);
                block.clear(); // touched, so resident
                blocks.add(block);
            }
            Memory above = new Memory(64);
            above.clear();
            kept.add(above);
            allocatedKb.set(ProcessMemory.residentKb());
            blocks.forEach(Memory::close);
        });
        worker.start();
        worker.join();
        long freedKb = (long) BLOCKS * BLOCK_BYTES / 1024;

        NativeHeap.trim();
        long after = ProcessMemory.residentKb();

        assertTrue(allocatedKb.get() - after > freedKb / 2, "resident " + allocatedKb.get() + " kB with the blocks, "
                + after + " kB after freeing " + freedKb + " kB and trimming");
        kept.forEach(Memory::close);
    }
}
