package org.openrpiconnect.daemon.session;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one WebRTC peer connection factory, made on the first session (loading the native library then, never at
 * start: an idle daemon stays small) and disposed once no session has used it for {@link #IDLE_DISPOSE}. Always
 * with {@link HeadlessAudioDeviceModule}: the default audio module aborts the JVM on a machine without sound.
 * Shared by the remote sessions and doctor's candidate gathering.
 */
public class WebRtcFactory {
    static final Duration IDLE_DISPOSE = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(WebRtcFactory.class);

    /** WebRTC cannot run here (native library missing or not loadable). */
    public static final class UnavailableException extends Exception {
        UnavailableException(String message) {
            super(message);
        }
    }

    private final ScheduledExecutorService scheduler;
    private PeerConnectionFactory factory;
    private int users;
    private ScheduledFuture<?> idleDispose;
    private boolean shutDown;

    WebRtcFactory(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** The factory for one more user (a session, a doctor run); pair with {@link #release()}. */
    public synchronized PeerConnectionFactory acquire() throws UnavailableException {
        if (shutDown) throw new UnavailableException("the daemon is stopping");
        if (idleDispose != null) {
            idleDispose.cancel(false);
            idleDispose = null;
        }
        if (factory == null) {
            long start = System.nanoTime();
            try {
                factory = new PeerConnectionFactory(new HeadlessAudioDeviceModule());
            } catch (LinkageError | RuntimeException e) {
                throw new UnavailableException("WebRTC could not be loaded on this device (" + e + "). Check that "
                        + System.getProperty("java.io.tmpdir") + " allows executables and that the libraries of the "
                        + "rpi-connect package are installed.");
            } catch (Error e) {
                // the native layer reports its failures as java.lang.Error
                throw new UnavailableException("WebRTC could not start on this device (" + e.getMessage() + ")");
            }
            log.info("WebRTC loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
        }
        users++;
        return factory;
    }

    /** A user's peer connection is closed. */
    public synchronized void release() {
        if (users > 0) users--;
        if (users > 0 || factory == null) return;
        if (shutDown) {
            dispose("stopping");
        } else {
            try {
                idleDispose = scheduler.schedule(this::unloadIfIdle, IDLE_DISPOSE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopping: shutdown() follows
            }
        }
    }

    private void unloadIfIdle() {
        if (disposeIfIdle()) giveMemoryBack(); // outside the lock: a new session need not wait for the collection
    }

    private synchronized boolean disposeIfIdle() {
        if (users > 0 || factory == null) return false;
        dispose("no session for " + IDLE_DISPOSE.toMinutes() + " min");
        return true;
    }

    /**
     * After the sessions, back towards an idle daemon's size: a full collection lets the heap shrink to what is
     * still live (the sessions' garbage kept its pages resident), and glibc hands back what WebRTC's threads freed.
     * Once per unloading, minutes after the last session: the pause of a full collection of a small heap is
     * milliseconds. Classes and compiled code of the sessions stay (the JVM does not unload them).
     */
    private static void giveMemoryBack() {
        long before = ProcessMemory.residentKb();
        System.gc();
        NativeHeap.trim();
        log.info("Memory after the sessions given back: {} kB -> {} kB resident", before, ProcessMemory.residentKb());
    }

    /**
     * No more sessions: disposes the factory now if no session holds it, else when the last one releases it.
     * Disposing it while a peer connection made with it is open crashes the JVM, so a session that never ends
     * leaves it alone (the process is ending anyway).
     */
    synchronized void shutdown() {
        shutDown = true;
        if (idleDispose != null) idleDispose.cancel(false);
        if (users == 0 && factory != null) dispose("stopping");
    }

    synchronized boolean loaded() {
        return factory != null;
    }

    private void dispose(String why) {
        try {
            factory.dispose();
            log.info("WebRTC unloaded ({})", why);
        } catch (Error | RuntimeException e) {
            log.warn("Disposing WebRTC failed: {}", e.toString());
        }
        factory = null;
    }
}
