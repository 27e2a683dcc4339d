package org.openrpiconnect.daemon.session;

import org.openrpiconnect.protocol.session.SessionSignal;

/** Where the device's session frames go: the event WebSocket to the cloud. */
@FunctionalInterface
public interface SignalSink {
    /** Sends without blocking; false when the event socket is not open (the frame is dropped). */
    boolean send(SessionSignal signal);
}
