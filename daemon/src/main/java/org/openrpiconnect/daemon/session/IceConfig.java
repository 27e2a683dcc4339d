package org.openrpiconnect.daemon.session;

import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import org.openrpiconnect.protocol.session.IceServer;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.util.ArrayList;
import java.util.List;

/**
 * The peer connection's configuration from a (checked) offer: its ICE servers and transport policy; and the one
 * mapping of an ICE server to webrtc-java's form (doctor's candidate gathering uses it too).
 */
public final class IceConfig {
    private IceConfig() {}

    static RTCConfiguration of(SessionSignal offer) {
        RTCConfiguration config = new RTCConfiguration();
        if (offer.iceServers() != null) {
            for (IceServer server : offer.iceServers()) {
                config.iceServers.add(server(server.urls(), server.username(), server.credential()));
            }
        }
        config.iceTransportPolicy = relayOnly(offer) ? RTCIceTransportPolicy.RELAY : RTCIceTransportPolicy.ALL;
        return config;
    }

    /** One STUN/TURN server entry: its URLs, and for TURN the credentials (null for STUN). */
    public static RTCIceServer server(List<String> urls, String username, String credential) {
        RTCIceServer server = new RTCIceServer();
        server.urls = new ArrayList<>(urls);
        server.username = username;
        server.password = credential;
        return server;
    }

    static boolean relayOnly(SessionSignal offer) {
        return SessionSignal.POLICY_RELAY.equals(offer.iceTransportPolicy());
    }
}
