package org.openrpiconnect.daemon.session;

import org.openrpiconnect.daemon.testing.BrowserPeer;
import org.openrpiconnect.daemon.testing.Coturn;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;

/**
 * libwebrtc ignores loopback interfaces, so two peers on one machine connect directly only through another
 * address of it (traffic to a local address never leaves the machine). Where there is none, the "direct" tests
 * fall back to a relay through a loopback coturn, and say so.
 */
final class DirectIce {
    private static Coturn relay;

    private DirectIce() {}

    static synchronized BrowserPeer.Ice forThisMachine(Path turnDir) throws Exception {
        if (hasNonLoopbackAddress()) return BrowserPeer.Ice.hostOnly();
        System.err.println("This machine has no address but loopback: the direct-connection tests use a TURN relay");
        if (relay == null) relay = Coturn.start(turnDir);
        return BrowserPeer.Ice.relayOnly(relay.credentials("test", Duration.ofHours(1)));
    }

    static synchronized void stopRelay() {
        if (relay != null) relay.close();
        relay = null;
    }

    static boolean hasNonLoopbackAddress() throws SocketException {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nif.isUp() && !nif.isLoopback() && nif.inetAddresses().anyMatch(a -> !a.isLinkLocalAddress())) {
                return true;
            }
        }
        return false;
    }
}
