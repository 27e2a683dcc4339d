package org.openrpiconnect.daemon.session;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends on one data channel from any thread, with backpressure: while more than {@link #HIGH_WATER} bytes are
 * queued the caller waits (polling, since webrtc-java never reports buffered-amount changes; past ~16 MiB
 * libwebrtc would close the channel silently). Each message goes in an exact-size array (send() ships the whole
 * backing array). After {@link #stop()} nothing touches the channel again, so it can then be disposed.
 */
final class ChannelSender {
    static final long HIGH_WATER = 1L << 20;
    private static final long POLL_NANOS = 1_000_000;

    private final RTCDataChannel channel;
    private boolean stopped;

    ChannelSender(RTCDataChannel channel) {
        this.channel = channel;
    }

    /** Waits while the channel is full; false when the channel is stopped or sending failed. */
    boolean sendBinary(byte[] exact) {
        return send(exact, true, Long.MAX_VALUE);
    }

    /** Like {@link #sendBinary}, but gives up (false) when there is no room within {@code maxWait}. */
    boolean sendText(String text, Duration maxWait) {
        return send(text.getBytes(StandardCharsets.UTF_8), false, System.nanoTime() + maxWait.toNanos());
    }

    private boolean send(byte[] data, boolean binary, long deadlineNanos) {
        while (true) {
            synchronized (this) {
                if (stopped) return false;
                if (channel.getBufferedAmount() <= HIGH_WATER) {
                    try {
                        channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(data), binary));
                        return true;
                    } catch (Exception | Error e) {
                        return false;
                    }
                }
            }
            if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() > deadlineNanos) return false;
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) return false;
        }
    }

    /** From now on the channel is left alone (a sender waiting for room gives up). */
    synchronized void stop() {
        stopped = true;
    }
}
