package org.openrpiconnect.daemon.session;

import dev.onvoid.webrtc.PeerConnectionFactory;

import java.util.concurrent.Executors;

/** A {@link WebRtcFactory} on a device where the native library cannot load: acquire fails as the real one does. */
public final class UnloadableWebRtc extends WebRtcFactory {
    private final String message;

    private UnloadableWebRtc(String message) {
        super(Executors.newSingleThreadScheduledExecutor());
        this.message = message;
    }

    public static WebRtcFactory failingWith(String message) {
        return new UnloadableWebRtc(message);
    }

    @Override
    public synchronized PeerConnectionFactory acquire() throws UnavailableException {
        throw new UnavailableException(message);
    }
}
