package org.openrpiconnect.daemon.local;

import jdk.net.UnixDomainPrincipal;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerCredentialCheckTest {
    private final UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();

    @Test
    void the_daemons_own_user_is_allowed() throws IOException {
        UserPrincipal alice = users.lookupPrincipalByName("nobody");
        GroupPrincipal group = users.lookupPrincipalByGroupName("nogroup");
        assertTrue(new PeerCredentialCheck(alice).allows(new UnixDomainPrincipal(alice, group)));
    }

    @Test
    void another_user_is_refused_even_root() throws IOException {
        UserPrincipal daemonUser = users.lookupPrincipalByName("nobody");
        UserPrincipal root = users.lookupPrincipalByName("root");
        GroupPrincipal group = users.lookupPrincipalByGroupName("root");
        assertFalse(new PeerCredentialCheck(daemonUser).allows(new UnixDomainPrincipal(root, group)));
    }

    @Test
    void same_group_but_different_user_is_refused() throws IOException {
        UserPrincipal daemonUser = users.lookupPrincipalByName("nobody");
        UserPrincipal other = users.lookupPrincipalByName("daemon");
        GroupPrincipal sharedGroup = users.lookupPrincipalByGroupName("nogroup");
        assertFalse(new PeerCredentialCheck(daemonUser).allows(new UnixDomainPrincipal(other, sharedGroup)));
    }

    @Test
    void unknown_peer_is_refused() throws IOException {
        assertFalse(new PeerCredentialCheck(users.lookupPrincipalByName("nobody")).allows(null));
    }
}
