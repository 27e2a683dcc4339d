package org.openrpiconnect.daemon.session;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Predicate;

/**
 * Terminal output on its way from the pty reader to the channel sender, so that reading the terminal and sending on
 * the channel overlap instead of taking turns (the two cost about the same; in turns the shell reached about 60 %
 * of the raw channel's throughput). Bounded: at most {@code maxBatches} batches of {@code batchBytes} each exist,
 * one being sent and the others filling, so a slow browser stops the reader (then the shell, on its full terminal)
 * instead of growing memory. While the sender is busy, output gathers into full-size batches (fewer, larger
 * messages); when it is idle, whatever came is sent at once (a keystroke's echo does not wait).
 *
 * <p>One reader thread calls {@link #put}, one sender thread {@link #sendNext}; the bytes leave in the order they
 * came, split anywhere (the shell channel's contract allows that). Batch arrays are reused: a full batch is handed
 * to the sender as it is, no copy, no garbage.
 */
final class OutputBatches {
    private static final class Batch {
        final byte[] bytes;
        int length;

        Batch(int size) {
            bytes = new byte[size];
        }
    }

    private final int batchBytes;
    private final int maxBatches;
    private final Deque<Batch> filled = new ArrayDeque<>();
    private final Deque<Batch> free = new ArrayDeque<>();
    private int created;
    private boolean finished;
    private boolean stopped;

    OutputBatches(int batchBytes, int maxBatches) {
        if (batchBytes < 1 || maxBatches < 2) throw new IllegalArgumentException("one batch sending, one filling");
        this.batchBytes = batchBytes;
        this.maxBatches = maxBatches;
    }

    /**
     * Appends {@code length} bytes of {@code data} from {@code offset}, waiting while every batch is full. False
     * when stopped (what was not placed yet is dropped).
     */
    synchronized boolean put(byte[] data, int offset, int length) throws InterruptedException {
        if (finished) throw new IllegalStateException("output already finished");
        while (length > 0) {
            if (stopped) return false;
            Batch tail = filled.peekLast();
            if (tail == null || tail.length == batchBytes) {
                tail = freeBatch();
                if (tail == null) {
                    wait(); // every batch is full or being sent: the reader (and so the shell) waits
                    continue;
                }
                filled.addLast(tail);
                notifyAll();
            }
            int n = Math.min(length, batchBytes - tail.length);
            System.arraycopy(data, offset, tail.bytes, tail.length, n);
            tail.length += n;
            offset += n;
            length -= n;
        }
        return true;
    }

    /** No more output will come: the sender sends what is left, then {@link #sendNext} says the end. */
    synchronized void finish() {
        finished = true;
        notifyAll();
    }

    /** Drops what waits and ends both sides: a waiting {@link #put} returns false, {@link #sendNext} false. */
    synchronized void stop() {
        stopped = true;
        filled.clear();
        notifyAll();
    }

    /**
     * Waits for output and hands the oldest batch to {@code send} as an exact-size array, valid only during the call
     * (the array is reused afterwards). False at the end: finished and everything sent, stopped, or {@code send}
     * returned false (then this stops, so the reader stops too).
     */
    boolean sendNext(Predicate<byte[]> send) throws InterruptedException {
        Batch batch;
        synchronized (this) {
            while (filled.isEmpty() && !finished && !stopped) wait();
            if (stopped) return false;
            batch = filled.pollFirst(); // taken out: the reader fills another meanwhile
            if (batch == null) return false; // finished and all sent
        }
        byte[] message = batch.length == batchBytes ? batch.bytes : Arrays.copyOf(batch.bytes, batch.length);
        boolean sent = send.test(message);
        synchronized (this) {
            batch.length = 0;
            free.addLast(batch);
            notifyAll();
        }
        if (!sent) stop();
        return sent;
    }

    /** Bytes waiting to be sent (not counting a batch being sent). */
    synchronized long waiting() {
        long n = 0;
        for (Batch b : filled) n += b.length;
        return n;
    }

    private Batch freeBatch() {
        Batch b = free.pollFirst();
        if (b != null) return b;
        if (created == maxBatches) return null;
        created++;
        return new Batch(batchBytes);
    }
}
