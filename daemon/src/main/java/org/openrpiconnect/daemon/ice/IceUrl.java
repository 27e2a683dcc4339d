package org.openrpiconnect.daemon.ice;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A STUN or TURN server URL (RFC 7064, 7065): {@code stun:host[:port]}, {@code turn:host[:port][?transport=udp|tcp]},
 * and the {@code stuns:}/{@code turns:} forms. Doctor's hints name the host, port and transport a firewall must let
 * through.
 *
 * @param text      the URL as the cloud listed it
 * @param transport {@code UDP}, {@code TCP} or {@code TLS} (TLS over TCP)
 */
public record IceUrl(String text, String scheme, String host, int port, String transport) {
    private static final Pattern FORM = Pattern.compile(
            "(stuns?|turns?):(\\[[0-9A-Fa-f:.]+]|[^:?\\[\\]/]+)(?::(\\d{1,5}))?(?:\\?transport=(udp|tcp))?",
            Pattern.CASE_INSENSITIVE);
    private static final int PLAIN_PORT = 3478;
    private static final int TLS_PORT = 5349;

    /** The URL's parts, or empty when it is not a STUN or TURN URL. */
    public static Optional<IceUrl> parse(String url) {
        if (url == null) return Optional.empty();
        Matcher m = FORM.matcher(url.strip());
        if (!m.matches()) return Optional.empty();
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        boolean secure = scheme.endsWith("s");
        int port = m.group(3) == null ? (secure ? TLS_PORT : PLAIN_PORT) : Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) return Optional.empty();
        String transport = secure ? "TLS" : m.group(4) == null ? "UDP" : m.group(4).toUpperCase(Locale.ROOT);
        return Optional.of(new IceUrl(url.strip(), scheme, m.group(2), port, transport));
    }

    public boolean stun() {
        return scheme.startsWith("stun");
    }

    public boolean turn() {
        return scheme.startsWith("turn");
    }

    /** {@code host:port} ({@code [v6]:port} for IPv6 literals). */
    public String where() {
        return host + ":" + port;
    }

    /** 4 or 6 when the host is an IP literal, 0 for a host name. */
    public int ipVersion() {
        if (host.startsWith("[")) return 6;
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") ? 4 : 0;
    }

    /** What a firewall must allow: e.g. {@code UDP port 3478}. */
    public String firewallRule() {
        return ("TLS".equals(transport) ? "TCP" : transport) + " port " + port;
    }
}
