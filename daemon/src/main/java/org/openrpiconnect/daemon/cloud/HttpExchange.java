package org.openrpiconnect.daemon.cloud;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request and its answer, on the daemon's own small client rather than the JDK's: HttpURLConnection
 * brings ~100 classes (regular expressions, its logger, authentication caches) and keep-alive threads into an idle
 * daemon that makes a handful of calls a day, and java.net.http more. Redirects are not followed, and an answer
 * larger than {@code maxBody} bytes is refused without being read.
 *
 * <p>One connection is kept for the next call for {@link #KEEP_IDLE} (a sign-in polls every few seconds), then
 * closed by a short-lived thread that ends with it. A GET that fails on a kept connection
 * before any answer arrived (the server closed it meanwhile) is sent once more on a new connection; a POST never is:
 * a sign-in spends a one-time auth key that the cloud may have taken already, and the caller's own retry with
 * backoff decides what to do instead.
 */
final class HttpExchange {
    static final Duration KEEP_IDLE = Duration.ofSeconds(4);

    /** The status and the body (the error body for 4xx/5xx; empty when there was none). */
    record Answer(int status, byte[] body) {}

    /** The answer's body is longer than the limit; the connection is closed without reading it. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("an answer larger than " + limit + " bytes", null);
        }
    }

    /** A connection kept open for the next call, with where it goes and since when it idles. */
    private record Kept(Socket socket, DeadlineInputStream timed, InputStream in, String origin, long idleSinceNanos) {}

    private final CloudConnector connector;
    private final Duration connectTimeout;
    private final int maxBody;
    private Kept kept; // guarded by this
    private boolean closerRunning; // guarded by this

    HttpExchange(CloudConnector connector, Duration connectTimeout, int maxBody) {
        this.connector = connector;
        this.connectTimeout = connectTimeout;
        this.maxBody = maxBody;
    }

    /**
     * Sends {@code body} (none when null) and reads the answer within {@code timeout}: connecting within the connect
     * timeout (or this one when shorter), then reading the whole answer, headers and body, within this one.
     *
     * @throws SocketTimeoutException when it took too long
     * @throws java.net.ConnectException when nothing listens there
     * @throws HttpHead.NotHttp, TooLarge as described; other IOExceptions for other network trouble
     */
    Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] request = request(method, uri, headers, body);
        Kept reused = takeKept(origin(uri));
        if (reused != null) {
            try {
                return exchange(reused.socket(), reused.timed(), reused.in(), origin(uri), method, request, deadline);
            } catch (EOFException | SocketException e) {
                // closed by the server while it idled here: nothing was answered
                if (!"GET".equals(method)) throw e;
            }
        }
        Duration connect = connectTimeout.compareTo(timeout) < 0 ? connectTimeout : timeout;
        Socket socket = connector.open(uri, connect, timeout);
        DeadlineInputStream timed = new DeadlineInputStream(socket);
        return exchange(socket, timed, new BufferedInputStream(timed, 8192), origin(uri), method, request, deadline);
    }

    /** Writes the request, reads the answer; the socket is kept for the next call or closed. */
    private Answer exchange(Socket socket, DeadlineInputStream timed, InputStream in, String origin, String method,
                            byte[] request, long deadline) throws IOException {
        boolean keep = false;
        try {
            timed.until(deadline);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            HttpHead.Answer head = HttpHead.read(in);
            byte[] bytes;
            String length = head.header("content-length");
            if ("HEAD".equals(method) || head.status() == 204 || head.status() == 304 || head.status() == 101) {
                bytes = new byte[0];
                keep = head.status() != 101;
            } else if (head.hasToken("transfer-encoding", "chunked")) {
                bytes = readChunked(in);
                keep = true;
            } else if (length != null) {
                long declared = parseLength(length);
                if (declared > maxBody) throw new TooLarge(maxBody);
                bytes = readExactly(in, (int) declared);
                keep = true;
            } else {
                bytes = readToEnd(in); // the end of the connection ends the body
            }
            if (head.hasToken("connection", "close")) keep = false;
            if (keep) keep(new Kept(socket, timed, in, origin, System.nanoTime()));
            return new Answer(head.status(), bytes);
        } finally {
            if (!keep) socket.close();
        }
    }

    private static byte[] request(String method, URI uri, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null || "POST".equals(method) || "PUT".equals(method)) {
            all.put("Content-Length", Integer.toString(body == null ? 0 : body.length));
        }
        byte[] head = HttpHead.request(method, uri, all);
        if (body == null || body.length == 0) return head;
        byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }

    private byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = HttpHead.line(in, false);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new HttpHead.NotHttp();
            }
            if (size < 0) throw new HttpHead.NotHttp();
            if (size == 0) break;
            if (out.size() + size > maxBody) throw new TooLarge(maxBody);
            out.write(readExactly(in, (int) size));
            if (!HttpHead.line(in, false).isEmpty()) throw new HttpHead.NotHttp();
        }
        while (!HttpHead.line(in, false).isEmpty()) {
            // trailer fields: not used
        }
        return out.toByteArray();
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            int n = in.read(bytes, done, Math.min(8192, length - done));
            if (n < 0) throw new EOFException("the connection closed within the answer's body");
            done += n;
        }
        return bytes;
    }

    private byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > maxBody) throw new TooLarge(maxBody);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static long parseLength(String value) throws HttpHead.NotHttp {
        try {
            long length = Long.parseLong(value.trim());
            if (length < 0) throw new HttpHead.NotHttp();
            return length;
        } catch (NumberFormatException e) {
            throw new HttpHead.NotHttp();
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + CloudConnector.authority(uri);
    }

    /** The kept connection when it goes to {@code origin} and has not idled too long; closes it otherwise. */
    private Kept takeKept(String origin) throws IOException {
        Kept taken;
        synchronized (this) {
            taken = kept;
            kept = null;
        }
        if (taken == null) return null;
        if (taken.origin().equals(origin) && System.nanoTime() - taken.idleSinceNanos() < KEEP_IDLE.toNanos()) {
            return taken;
        }
        taken.socket().close();
        return null;
    }

    private void keep(Kept connection) throws IOException {
        Kept previous;
        synchronized (this) {
            previous = kept;
            kept = connection;
            if (!closerRunning) {
                closerRunning = true;
                Thread closer = new Thread(this::closeWhenIdle, "cloud-keep-alive");
                closer.setDaemon(true);
                closer.start();
            }
        }
        if (previous != null) previous.socket().close();
    }

    /** Closes the kept connection once it has idled {@link #KEEP_IDLE}; ends when none is kept. */
    private void closeWhenIdle() {
        Kept expired;
        synchronized (this) {
            while (true) {
                if (kept == null) {
                    closerRunning = false;
                    return;
                }
                long left = kept.idleSinceNanos() + KEEP_IDLE.toNanos() - System.nanoTime();
                if (left <= 0) break;
                try {
                    wait(left / 1_000_000 + 1);
                } catch (InterruptedException e) {
                    break;
                }
            }
            expired = kept;
            kept = null;
            closerRunning = false;
        }
        try {
            expired.socket().close();
        } catch (IOException e) {
            // closing an idle connection: nothing to report
        }
    }
}
