package org.openrpiconnect.daemon.cloud;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP/1.1 request and its answer, over the JDK's {@link HttpURLConnection}: unlike java.net.http's client it
 * loads no TLS classes for an http:// URL and keeps no threads of its own (idle connections stay in the JDK's
 * keep-alive cache for a few seconds). Redirects are not followed, and an answer larger than {@code maxBody}
 * bytes is refused without being read.
 *
 * <p>The JDK would send a POST once more, on a new connection, when the first ends before any status line; that is
 * turned off (sun.net.http.retryPost) before the first connection: a sign-in spends a one-time auth key that the
 * cloud may have taken already, and the caller's own retry with backoff decides what to do instead.
 */
final class HttpExchange {
    static {
        if (System.getProperty("sun.net.http.retryPost") == null) {
            System.setProperty("sun.net.http.retryPost", "false"); // read once, when the JDK's http handler loads
        }
    }

    /** Opens the connection for a URL; tests pass one that trusts their own TLS certificate. */
    @FunctionalInterface
    interface Connector {
        Connector DEFAULT = url -> (HttpURLConnection) url.openConnection();

        HttpURLConnection open(URL url) throws IOException;
    }

    /** The status and the body (the error body for 4xx/5xx; empty when there was none). */
    record Answer(int status, byte[] body) {}

    /** The server answered with something that has no HTTP status line. */
    static final class NotHttp extends IOException {
        NotHttp() {
            super("not an HTTP answer", null);
        }
    }

    /** The answer's body is longer than the limit; the connection is closed without reading it. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("an answer larger than " + limit + " bytes", null);
        }
    }

    private final Connector connector;
    private final Duration connectTimeout;
    private final int maxBody;

    HttpExchange(Connector connector, Duration connectTimeout, int maxBody) {
        this.connector = connector;
        this.connectTimeout = connectTimeout;
        this.maxBody = maxBody;
    }

    /**
     * Sends {@code body} (none when null) and reads the answer within {@code timeout}: connecting, then each read
     * waits at most that long, and reading the body stops once it has passed in total.
     *
     * @throws SocketTimeoutException when it took too long
     * @throws java.net.ConnectException when nothing listens there
     * @throws NotHttp, TooLarge as described; other IOExceptions for other network trouble
     */
    Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpURLConnection connection = connector.open(uri.toURL());
        boolean complete = false;
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout(millis(connectTimeout.compareTo(timeout) < 0 ? connectTimeout : timeout));
            connection.setReadTimeout(millis(timeout));
            connection.setRequestMethod(method);
            headers.forEach(connection::setRequestProperty);
            if (body != null) {
                // Not fixed-length streaming: in that mode the JDK drops the body of a 401, which carries the
                // cloud's DeviceError. Buffered, the JDK sets Content-Length itself.
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            if (status < 0) throw new NotHttp();
            long length = connection.getContentLengthLong();
            if (length > maxBody) throw new TooLarge(maxBody);
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] bytes = in == null ? new byte[0] : readAll(in, deadline);
            if (in != null) in.close(); // read to the end: the connection goes back for reuse
            complete = true;
            return new Answer(status, bytes);
        } finally {
            // a connection left half-read must not go back to the keep-alive cache
            if (!complete) connection.disconnect();
        }
    }

    private byte[] readAll(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > maxBody) throw new TooLarge(maxBody);
            out.write(buffer, 0, n);
            if (System.nanoTime() - deadline > 0) throw new SocketTimeoutException("Read timed out");
        }
        return out.toByteArray();
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
