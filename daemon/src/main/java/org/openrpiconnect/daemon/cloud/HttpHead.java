package org.openrpiconnect.daemon.cloud;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The head of an HTTP/1.1 message on the device's own connections to the cloud (REST calls and the event
 * WebSocket's upgrade): a request head written out, an answer's status line and headers read in, within limits so
 * that a server sending endless header lines cannot fill the daemon's heap.
 */
final class HttpHead {
    static final int MAX_LINE = 8192;
    static final int MAX_HEADERS = 100;

    /** The status and the headers of an answer; header names lower-case, a repeated header's values joined by ", ". */
    record Answer(int status, Map<String, String> headers) {
        String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }

        /** Whether a comma-separated header holds {@code token} (case-insensitive), as "Connection: close". */
        boolean hasToken(String lowerCaseName, String token) {
            String value = headers.get(lowerCaseName);
            if (value == null) return false;
            for (String part : value.split(",")) {
                if (part.trim().equalsIgnoreCase(token)) return true;
            }
            return false;
        }
    }

    /** The server answered with something that has no HTTP status line. */
    static final class NotHttp extends IOException {
        NotHttp() {
            super("not an HTTP answer", null);
        }
    }

    private HttpHead() {}

    /** "METHOD /path?query HTTP/1.1", Host, then {@code headers}; ends with the empty line. */
    static byte[] request(String method, URI uri, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(256);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        head.append(method).append(' ').append(path);
        if (uri.getRawQuery() != null) head.append('?').append(uri.getRawQuery());
        head.append(" HTTP/1.1\r\nHost: ").append(CloudConnector.authority(uri)).append("\r\n");
        headers.forEach((name, value) -> {
            if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                    || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a line break in header " + name); // header injection
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads a status line and headers, skipping interim 1xx answers other than 101.
     *
     * @throws NotHttp when the first line is not an HTTP/1.x status line or the headers are malformed or too many
     * @throws EOFException when the connection ends before a whole head arrived
     */
    static Answer read(InputStream in) throws IOException {
        while (true) {
            String statusLine = line(in, true);
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
                throw new NotHttp();
            }
            int status = parseStatus(statusLine.substring(9, 12));
            if (statusLine.length() > 12 && statusLine.charAt(12) != ' ') throw new NotHttp();
            Map<String, String> headers = new HashMap<>();
            for (int n = 0; ; n++) {
                String line = line(in, false);
                if (line.isEmpty()) break;
                if (n >= MAX_HEADERS) throw new NotHttp();
                int colon = line.indexOf(':');
                if (colon <= 0) throw new NotHttp();
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                headers.merge(name, value, (a, b) -> a + ", " + b);
            }
            if (status >= 200 || status == 101) return new Answer(status, headers);
        }
    }

    private static int parseStatus(String digits) throws NotHttp {
        int status = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') throw new NotHttp();
            status = status * 10 + (c - '0');
        }
        if (status < 100) throw new NotHttp();
        return status;
    }

    /** One line without its CRLF (a bare LF is accepted too). */
    static String line(InputStream in, boolean first) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (first && line.size() == 0) throw new EOFException("the connection closed before an answer");
                if (first) throw new NotHttp();
                throw new EOFException("the connection closed within the answer's headers");
            }
            if (b == '\n') break;
            if (line.size() >= MAX_LINE) throw new NotHttp();
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
