package org.openrpiconnect.daemon.cloud;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback HTTP/1.1 server that answers each request with raw bytes a test writes (so it can send what no real
 * server would: a garbage status line, a huge length, nothing at all). Keeps connections open between requests
 * and records what it received, with the number of the connection it came on.
 */
final class ScriptedHttpServer implements AutoCloseable {
    /** One request as received: header names lower-case. */
    record Request(int connection, String method, String path, Map<String, String> headers, byte[] body) {}

    /** Writes the answer to a request (or nothing: the connection stays open and silent). */
    @FunctionalInterface
    interface Script {
        void answer(Request request, OutputStream out) throws IOException, InterruptedException;

        static Script replying(Function<Request, byte[]> answer) {
            return (request, out) -> out.write(answer.apply(request));
        }
    }

    private final ServerSocket socket;
    private final Script script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger endedByClient = new AtomicInteger();
    private final Thread acceptor;

    private ScriptedHttpServer(ServerSocket socket, Script script) {
        this.socket = socket;
        this.script = script;
        this.acceptor = new Thread(this::accept, "scripted-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ScriptedHttpServer start(Script script) throws IOException {
        return on(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
    }

    /** On a socket the caller made (e.g. an SSLServerSocket), bound to loopback. */
    static ScriptedHttpServer on(ServerSocket bound, Script script) {
        return new ScriptedHttpServer(bound, script);
    }

    /** A complete answer with this status line tail (e.g. "200 OK"), headers and body. */
    static byte[] answer(String status, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
    }

    static byte[] json(String status, String json) {
        return answer(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Request> requests() {
        return requests;
    }

    int connections() {
        return connections.get();
    }

    /** Connections the client closed (the server read their end between requests). */
    int endedByClient() {
        return endedByClient.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                return;
            }
            open.add(s);
            int number = connections.incrementAndGet();
            Thread t = new Thread(() -> serve(s, number), "scripted-http-" + number);
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s, int number) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                Request request = read(in, number);
                if (request == null) {
                    endedByClient.incrementAndGet();
                    return;
                }
                requests.add(request);
                script.answer(request, out);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Request read(InputStream in, int connection) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) return null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String[] parts = requestLine.split(" ");
        return new Request(connection, parts[0], parts[1], headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') return line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) s.close();
    }
}
