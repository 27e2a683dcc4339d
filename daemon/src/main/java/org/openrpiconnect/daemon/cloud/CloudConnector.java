package org.openrpiconnect.daemon.cloud;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/**
 * Opens the TCP connection to the cloud for a URL: plain for http:// and ws://, TLS for https:// and wss:// with
 * the certificate checked against the host name (or IP address) of the URL, as a browser does. The TLS classes
 * load only when a TLS URL is opened, so a daemon linked to an http:// cloud never loads them.
 */
final class CloudConnector {
    static final CloudConnector DEFAULT = new CloudConnector(null);

    /** Null: the JDK's default, made on first use (the machine's trust store). */
    private final SSLSocketFactory tls;

    /** Tests pass a factory that trusts their own certificate (and nothing else). */
    CloudConnector(SSLSocketFactory tls) {
        this.tls = tls;
    }

    /**
     * Connects within {@code connectTimeout} and, for TLS, completes the handshake within {@code handshakeTimeout};
     * the socket is then closed or returned with that read timeout set.
     */
    Socket open(URI uri, Duration connectTimeout, Duration handshakeTimeout) throws IOException {
        boolean secure = isSecure(uri);
        String host = host(uri);
        int port = port(uri, secure);
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), millis(connectTimeout));
            socket.setSoTimeout(millis(handshakeTimeout));
            return secure ? Tls.over(socket, tls, host, port) : socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The Host header's value: the host, with the port when it is not the scheme's default. */
    static String authority(URI uri) {
        boolean secure = isSecure(uri);
        int port = port(uri, secure);
        // URI keeps an IPv6 literal's brackets in its host, as a Host header wants them
        return port == (secure ? 443 : 80) ? uri.getHost() : uri.getHost() + ":" + port;
    }

    static boolean isSecure(URI uri) {
        String scheme = uri.getScheme();
        return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme);
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) throw new IllegalArgumentException("no host in " + uri);
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(URI uri, boolean secure) {
        return uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
    }

    /** Its own class: verifying {@link #open} must not load the TLS classes for a plain connection. */
    private static final class Tls {
        static Socket over(Socket plain, SSLSocketFactory tls, String host, int port) throws IOException {
            SSLSocketFactory factory = tls != null ? tls : (SSLSocketFactory) SSLSocketFactory.getDefault();
            SSLSocket ssl = (SSLSocket) factory.createSocket(plain, host, port, true);
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name this host
            ssl.setSSLParameters(parameters);
            ssl.startHandshake();
            return ssl;
        }
    }

    static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
