package org.openrpiconnect.daemon.logging;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Where the daemon's log text goes: stdout (as it is when the event is written, so a test may redirect it), one
 * write per event so that concurrent events never interleave, plus any taps a test opened.
 */
public final class LineOutput {
    @SuppressWarnings("unchecked")
    private static volatile Consumer<String>[] taps = new Consumer[0]; // an array: no iterator per event

    private LineOutput() {}

    static void write(String event) {
        PrintStream out = System.out;
        synchronized (out) {
            out.print(event);
            out.flush();
        }
        Consumer<String>[] current = taps;
        for (int i = 0; i < current.length; i++) {
            current[i].accept(event);
        }
    }

    /** Tests: also hands every event's text (its line, and a stack trace if any) to {@code tap} until closed. */
    public static synchronized Tap tap(Consumer<String> tap) {
        Consumer<String>[] more = Arrays.copyOf(taps, taps.length + 1);
        more[taps.length] = tap;
        taps = more;
        return () -> untap(tap);
    }

    @SuppressWarnings("unchecked")
    private static synchronized void untap(Consumer<String> tap) {
        taps = Arrays.stream(taps).filter(t -> t != tap).toArray(Consumer[]::new);
    }

    /** An open tap; closing it stops the copies. */
    public interface Tap extends AutoCloseable {
        @Override
        void close();
    }
}
