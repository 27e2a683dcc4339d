package org.openrpiconnect.daemon.session;

import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import org.openrpiconnect.protocol.session.IceServer;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.util.ArrayList;

/** The peer connection's configuration from a (checked) offer: its ICE servers and transport policy. */
final class IceConfig {
    private IceConfig() {}

    static RTCConfiguration of(SessionSignal offer) {
        RTCConfiguration config = new RTCConfiguration();
        if (offer.iceServers() != null) {
            for (IceServer server : offer.iceServers()) {
                RTCIceServer s = new RTCIceServer();
                s.urls = new ArrayList<>(server.urls());
                s.username = server.username();
                s.password = server.credential();
                config.iceServers.add(s);
            }
        }
        config.iceTransportPolicy = relayOnly(offer) ? RTCIceTransportPolicy.RELAY : RTCIceTransportPolicy.ALL;
        return config;
    }

    static boolean relayOnly(SessionSignal offer) {
        return SessionSignal.POLICY_RELAY.equals(offer.iceTransportPolicy());
    }
}
