package org.openrpiconnect.daemon.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.UnixDomainPrincipal;

/**
 * Decides whether the process at the other end of a local socket connection (its credentials from SO_PEERCRED)
 * may use this daemon: only the daemon's own user may.
 */
public final class PeerCredentialCheck {
    private final UserPrincipal daemonUser;

    public PeerCredentialCheck(UserPrincipal daemonUser) {
        this.daemonUser = daemonUser;
    }

    /** The daemon's user: the owner of /proc/self is the process's effective user (works without a passwd entry). */
    public static PeerCredentialCheck forThisProcess() throws IOException {
        return new PeerCredentialCheck(Files.getOwner(Path.of("/proc/self")));
    }

    public boolean allows(UnixDomainPrincipal peer) {
        return peer != null && daemonUser.equals(peer.user());
    }

    public UserPrincipal daemonUser() {
        return daemonUser;
    }
}
