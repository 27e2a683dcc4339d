package org.openrpiconnect.daemon.session;

import org.openrpiconnect.protocol.session.ShellChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The shell side of a session: the user's shell on its pty and four threads with one job each, so that none
 * waits on another: the writer (browser input and resizes to the pty, in the order they came), the output reader
 * (terminal output into {@link OutputBatches}), the output sender (batches to the data channel, with backpressure)
 * and the exit watcher. Input queues up from the moment it exists: the browser may type before the shell has
 * finished starting.
 */
final class ShellIo {
    /** Browser input waiting for the shell to read it; beyond this the browser is flooding the session. */
    static final long MAX_PENDING_INPUT = 16L << 20;
    /** Output leaves in messages of at most this size: the contract's largest (fewer, larger sends are faster). */
    static final int READ_CHUNK = ShellChannel.MAX_MESSAGE_BYTES;
    /** Output batches between reader and sender: one being sent, one filling; 128 KiB per session at most. */
    static final int OUTPUT_BATCHES = 2;
    /** How long the exit watcher lets the last output leave before it reports the exit. */
    private static final long DRAIN_MILLIS = 1000;
    private static final Object END_OF_INPUT = new Object();
    private static final Logger log = LoggerFactory.getLogger(ShellIo.class);

    private record Resize(int cols, int rows) {}

    private final String id;
    private final BlockingQueue<Object> input = new LinkedBlockingQueue<>();
    private final AtomicLong pendingInput = new AtomicLong();
    private volatile ShellProcess shell;
    private final OutputBatches batches = new OutputBatches(READ_CHUNK, OUTPUT_BATCHES);
    private volatile Thread sender;
    private volatile PtyOutput output;

    ShellIo(String id) {
        this.id = id;
    }

    /**
     * Starts the shell, its writer and its exit watcher; {@code onExit} gets the exit status (on the watcher).
     * Returns the shell's pid.
     */
    long start(ShellLauncher launcher, IntConsumer onExit) throws IOException {
        ShellProcess started = launcher.start();
        shell = started;
        thread("shell-in-" + id, () -> writeInput(started));
        thread("shell-exit-" + id, () -> awaitExit(started, onExit));
        return started.pid();
    }

    boolean started() {
        return shell != null;
    }

    /** Keyboard input from the browser; never blocks. False when too much is waiting already (a flood). */
    boolean input(byte[] data) {
        if (pendingInput.addAndGet(data.length) > MAX_PENDING_INPUT) return false;
        input.add(data);
        return true;
    }

    /** A window size change, applied after the input that came before it. */
    void resize(int cols, int rows) {
        input.add(new Resize(cols, rows));
    }

    /** Starts sending the terminal's output (and what it has kept since the start) on the channel. */
    void startOutput(ChannelSender out) throws IOException {
        PtyOutput in = shell.output(); // only once started
        output = in;
        thread("shell-out-" + id, () -> readOutput(in));
        sender = thread("shell-send-" + id, () -> sendOutput(out));
    }

    /**
     * Stops moving bytes and hangs up the shell's processes; whatever still runs after {@code grace} is killed.
     * The shell's exit is still reported.
     */
    void stop(ScheduledExecutorService scheduler, Duration grace) {
        input.add(END_OF_INPUT);
        PtyOutput out = output;
        if (out != null) out.stop();
        batches.stop();
        ShellProcess s = shell;
        if (s == null) return;
        s.hangUp();
        try {
            scheduler.schedule(this::killRemaining, grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            killRemaining(); // stopping: no grace
        }
    }

    /** Kills what is left of the shell's processes now. */
    void killRemaining() {
        ShellProcess s = shell;
        if (s == null) return;
        if (!s.allGone()) {
            log.info("Remote shell session {}: killing what is left of the shell", id);
            s.killRemaining();
        }
        s.closePty();
    }

    /** Terminal output into the batches, as it comes; waits there while the sender is behind. */
    private void readOutput(PtyOutput in) {
        byte[] buf = new byte[READ_CHUNK];
        try {
            while (true) {
                int n = in.read(buf);
                if (n < 0) break; // every process holding the terminal is gone, or the session ends
                if (!batches.put(buf, 0, n)) break;
            }
        } catch (InterruptedException e) {
            // not interrupted by us; end like a stop
        } finally {
            batches.finish();
            in.close();
        }
    }

    /** Batches to the channel, oldest first; waits while the channel is full (a slow browser). */
    private void sendOutput(ChannelSender out) {
        try {
            while (batches.sendNext(out::sendBinary)) {
                // next batch
            }
        } catch (InterruptedException e) {
            batches.stop();
        }
    }

    private void writeInput(ShellProcess s) {
        OutputStream out = s.input();
        try {
            while (true) {
                Object item = input.take();
                if (item == END_OF_INPUT) return;
                if (item instanceof Resize r) {
                    resizeNow(s, r);
                    continue;
                }
                byte[] data = (byte[]) item;
                pendingInput.addAndGet(-data.length);
                out.write(data);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the shell is gone
        }
    }

    private void resizeNow(ShellProcess s, Resize r) {
        try {
            s.resize(r.cols(), r.rows());
        } catch (RuntimeException e) {
            log.debug("Remote shell session {}: resize failed: {}", id, e.toString());
        }
    }

    private void awaitExit(ShellProcess s, IntConsumer onExit) {
        int status;
        try {
            status = s.waitFor();
            Thread p = sender;
            if (p != null) p.join(DRAIN_MILLIS); // let the last output reach the browser before the exit status
        } catch (InterruptedException e) {
            return;
        }
        onExit.accept(status);
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
