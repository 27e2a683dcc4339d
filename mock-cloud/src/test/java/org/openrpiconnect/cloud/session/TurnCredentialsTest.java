package org.openrpiconnect.cloud.session;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.session.IceServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TurnCredentialsTest {
    @Test
    void credential_is_expiry_colon_id_with_base64_hmac_sha1_of_the_username() {
        // expected value from: echo -n "1700000000:dev-1" | openssl dgst -sha1 -hmac north-wind-secret -binary | base64
        TurnCredentials.Credential c = TurnCredentials.issue("north-wind-secret", "dev-1", 1_700_000_000L);
        assertEquals("1700000000:dev-1", c.username());
        assertEquals("newz8Fm+lQBUdB2WtgyrxxvxAB8=", c.password());
    }

    @Test
    void credential_never_shows_its_password_in_logs() {
        TurnCredentials.Credential c = TurnCredentials.issue("north-wind-secret", "dev-1", 1_700_000_000L);
        assertTrue(!c.toString().contains(c.password()), c::toString);
    }

    @Test
    void peer_gets_the_stun_server_and_a_turn_credential_expiring_after_the_ttl() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        IceSettings settings = new IceSettings("stun:stun.example.org:3478",
                List.of("turn:turn.example.org:3478?transport=udp", "turn:turn.example.org:3478?transport=tcp"),
                "north-wind-secret", Duration.ofHours(2));
        List<IceServer> servers = new IceServers(settings, clock).forPeer("user-7");
        assertEquals(2, servers.size());
        assertEquals(List.of("stun:stun.example.org:3478"), servers.get(0).urls());
        assertNull(servers.get(0).username());
        IceServer turn = servers.get(1);
        assertEquals(settings.turnUrls(), turn.urls());
        assertEquals((1_700_000_000L + 7200) + ":user-7", turn.username());
        assertEquals(TurnCredentials.password("north-wind-secret", turn.username()), turn.credential());
    }

    @Test
    void no_servers_configured_gives_an_empty_list() {
        assertEquals(List.of(), new IceServers(IceSettings.none(), Clock.systemUTC()).forPeer("dev-1"));
    }

    @Test
    void turn_url_without_a_secret_file_is_refused_with_what_to_add() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IceSettings.fromOptions(null,
                List.of("turn:127.0.0.1:3478"), null, 3600));
        assertTrue(e.getMessage().contains("--turn-secret-file"), e::getMessage);
    }

    @Test
    void urls_of_the_wrong_scheme_are_refused_with_an_example() {
        IllegalArgumentException stun = assertThrows(IllegalArgumentException.class, () -> IceSettings.fromOptions(
                "http://stun.example.org", List.of(), null, 3600));
        assertTrue(stun.getMessage().contains("stun:stun.example.org:3478"), stun::getMessage);
        IllegalArgumentException turn = assertThrows(IllegalArgumentException.class, () -> IceSettings.fromOptions(
                null, List.of("stun:127.0.0.1:3478"), null, 3600));
        assertTrue(turn.getMessage().contains("--turn-url"), turn::getMessage);
    }

    @Test
    void secret_is_read_from_its_file_without_the_line_end_and_never_printed() throws Exception {
        Path file = Files.createTempFile("turn-secret", ".txt");
        try {
            Files.writeString(file, "north-wind-secret\n");
            IceSettings s = IceSettings.fromOptions(null, List.of("turn:127.0.0.1:3478"), file, 600);
            assertEquals("north-wind-secret", s.turnSecret());
            assertEquals(Duration.ofMinutes(10), s.turnTtl());
            assertTrue(!s.toString().contains("north-wind"), s::toString);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void empty_or_missing_secret_file_and_absurd_ttl_are_refused() throws Exception {
        Path file = Files.createTempFile("turn-secret", ".txt");
        try {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> IceSettings.fromOptions(null,
                    List.of("turn:127.0.0.1:3478"), file, 600)).getMessage().contains("empty"));
        } finally {
            Files.delete(file);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IceSettings.fromOptions(null,
                List.of("turn:127.0.0.1:3478"), file, 600)).getMessage().contains("cannot read"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IceSettings.fromOptions(null, List.of(), null,
                5)).getMessage().contains("--turn-ttl-seconds"));
    }
}
