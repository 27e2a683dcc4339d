package org.openrpiconnect.cloud.session;

import org.openrpiconnect.protocol.session.IceServer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@code ice_servers} of one peer (browser or device): the STUN server, and TURN with fresh credentials. */
public final class IceServers {
    private final IceSettings settings;
    private final Clock clock;

    public IceServers(IceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public boolean hasTurn() {
        return settings.hasTurn();
    }

    /** @param peerId the user id (browser) or device id the TURN credential is issued to */
    public List<IceServer> forPeer(String peerId) {
        List<IceServer> servers = new ArrayList<>();
        if (settings.stunUrl() != null) servers.add(IceServer.stun(settings.stunUrl()));
        if (settings.hasTurn()) {
            long expiry = clock.millis() / 1000 + settings.turnTtl().toSeconds();
            TurnCredentials.Credential c = TurnCredentials.issue(settings.turnSecret(), peerId, expiry);
            servers.add(new IceServer(settings.turnUrls(), c.username(), c.password()));
        }
        return servers;
    }
}
