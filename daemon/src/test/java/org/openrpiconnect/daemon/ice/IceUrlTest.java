package org.openrpiconnect.daemon.ice;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IceUrlTest {
    @Test
    void stun_url_without_a_port_uses_3478_over_udp() {
        IceUrl url = IceUrl.parse("stun:stun.example.org").orElseThrow();

        assertTrue(url.stun());
        assertEquals("stun.example.org:3478", url.where());
        assertEquals("UDP port 3478", url.firewallRule());
        assertEquals(0, url.ipVersion());
    }

    @Test
    void turn_url_names_its_transport_and_port() {
        IceUrl url = IceUrl.parse("turn:192.0.2.7:443?transport=tcp").orElseThrow();

        assertTrue(url.turn());
        assertEquals("192.0.2.7:443", url.where());
        assertEquals("TCP port 443", url.firewallRule());
        assertEquals(4, url.ipVersion());
    }

    @Test
    void turns_url_is_tls_over_tcp_on_5349_by_default_and_ipv6_literals_keep_their_brackets() {
        IceUrl url = IceUrl.parse("turns:[2001:db8::1]").orElseThrow();

        assertEquals("[2001:db8::1]:5349", url.where());
        assertEquals("TLS", url.transport());
        assertEquals("TCP port 5349", url.firewallRule());
        assertEquals(6, url.ipVersion());
    }

    @Test
    void anything_else_is_not_an_ice_url() {
        assertTrue(IceUrl.parse("http://stun.example.org").isEmpty());
        assertTrue(IceUrl.parse("stun:host:99999").isEmpty());
        assertTrue(IceUrl.parse("turn:host:3478?transport=sctp").isEmpty());
        assertTrue(IceUrl.parse(null).isEmpty());
    }
}
