package org.openrpiconnect.daemon;

import org.openrpiconnect.daemon.cloud.WebSocketConnection;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.openrpiconnect.protocol.device.SignedInDevice;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The loopback cloud of {@link DaemonArchiveTraining}: just enough of the device API for the daemon to go the way
 * an idle daemon goes - sign in with an auth key (any key), read itself, open its event WebSocket and answer a
 * ping - so that the class archive holds that path's classes. It checks no signature and keeps nothing: it is
 * never a cloud anyone signs in to. Serves until closed, each connection on its own thread.
 */
final class ArchiveTrainingCloud implements AutoCloseable {
    private static final String DEVICE_ID = "archive-training";
    private static final int MAX_LINE = 8192;

    private final ServerSocket server;

    private ArchiveTrainingCloud(ServerSocket server) {
        this.server = server;
    }

    static ArchiveTrainingCloud start() throws IOException {
        ArchiveTrainingCloud cloud = new ArchiveTrainingCloud(
                new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(cloud::accept, "training-cloud");
        acceptor.setDaemon(true);
        acceptor.start();
        return cloud;
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "training-cloud-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Answers requests on one connection until it ends (the daemon keeps connections alive). */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String requestLine = line(in);
                if (requestLine == null) return;
                int contentLength = 0;
                String key = null;
                String header;
                while ((header = line(in)) != null && !header.isEmpty()) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) contentLength = Integer.parseInt(header.substring(15).trim());
                    if (lower.startsWith("sec-websocket-key:")) key = header.substring(18).trim();
                }
                in.readNBytes(contentLength);
                if (requestLine.startsWith("GET " + DeviceApi.EVENTS) && key != null) {
                    holdEvents(in, out, key);
                    return;
                }
                byte[] device = Json.writeBytes(new SignedInDevice(DEVICE_ID, DEVICE_ID));
                if (requestLine.startsWith("POST " + DeviceApi.SIGNIN_AUTH_KEY + " ")) {
                    answer(out, "201 Created", device);
                } else if (requestLine.startsWith("GET " + DeviceApi.SELF + " ")) {
                    answer(out, "200 OK", device);
                } else {
                    answer(out, "404 Not Found", "{}".getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the daemon went away; a training run has nobody to tell
        }
    }

    /**
     * Upgrades, says hello as the cloud does, pings once (the daemon answers with a pong) and holds the socket until
     * the daemon closes it.
     */
    private static void holdEvents(InputStream in, OutputStream out, String key) throws IOException {
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + WebSocketConnection.accept(key) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        byte[] hello = Json.writeBytes(DeviceEvent.hello(DEVICE_ID));
        out.write(new byte[] {(byte) 0x81, (byte) hello.length}); // one text frame: hello is shorter than 126 bytes
        out.write(hello);
        out.write(new byte[] {(byte) 0x89, 0}); // a ping without payload
        out.flush();
        byte[] discard = new byte[512];
        while (in.read(discard) >= 0) {
            // the pong, then the close frame
        }
    }

    private static void answer(OutputStream out, String status, byte[] json) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(json);
        out.flush();
    }

    /** One header line without its line end; null at the end of the connection. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() >= MAX_LINE) throw new IOException("header line too long");
            if (b != '\r') line.write(b);
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
