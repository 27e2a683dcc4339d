package org.openrpiconnect.daemon.cloud;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CloudConnectorTest {
    @Test
    void the_host_header_names_the_port_only_when_it_is_not_the_schemes_default() {
        assertEquals("cloud.example", CloudConnector.authority(URI.create("https://cloud.example/api")));
        assertEquals("cloud.example", CloudConnector.authority(URI.create("wss://cloud.example:443/api")));
        assertEquals("cloud.example:8443", CloudConnector.authority(URI.create("https://cloud.example:8443/api")));
        assertEquals("127.0.0.1", CloudConnector.authority(URI.create("ws://127.0.0.1/events")));
        assertEquals("127.0.0.1:8080", CloudConnector.authority(URI.create("http://127.0.0.1:8080")));
        assertEquals("[::1]:8080", CloudConnector.authority(URI.create("http://[::1]:8080/x")));
    }
}
