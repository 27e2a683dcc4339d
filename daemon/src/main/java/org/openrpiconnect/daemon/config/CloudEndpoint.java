package org.openrpiconnect.daemon.config;

import java.net.URI;

/** The cloud's base URL and the URLs of the device API under it (http(s) for REST, ws(s) for events). */
public record CloudEndpoint(URI base) {
    public URI http(String path) {
        return URI.create(text() + path);
    }

    public URI websocket(String path) {
        String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + text().substring(base.getScheme().length()) + path);
    }

    /** The base URL as the user wrote it, without a trailing slash. */
    public String text() {
        return base.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
