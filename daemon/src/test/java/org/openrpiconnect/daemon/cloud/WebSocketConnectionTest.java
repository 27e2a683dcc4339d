package org.openrpiconnect.daemon.cloud;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSocketConnectionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path tmp;
    private Javalin javalin;
    private Scripted scripted;

    @AfterEach
    void tearDown() throws IOException {
        if (javalin != null) javalin.stop();
        if (scripted != null) scripted.close();
    }

    @Test
    void text_goes_both_ways_with_a_real_server_and_its_close_code_and_reason_are_reported() throws Exception {
        LinkedBlockingQueue<String> atServer = new LinkedBlockingQueue<>();
        List<String> headers = new CopyOnWriteArrayList<>();
        javalin = Javalin.create().ws("/events", ws -> {
            ws.onConnect(ctx -> headers.add(ctx.header("X-Device-Signature")));
            ws.onMessage(ctx -> {
                atServer.add(ctx.message());
                if (ctx.message().equals("bye")) ctx.closeSession(4001, "device removed");
                else ctx.send("echo " + ctx.message());
            });
        }).start(InetAddress.getLoopbackAddress().getHostAddress(), 0);
        URI uri = URI.create("ws://127.0.0.1:" + javalin.port() + "/events");
        WebSocketConnection socket = WebSocketConnection.open(CloudConnector.DEFAULT, uri,
                Map.of("X-Device-Signature", "sig-1"), TIMEOUT);
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        String big = "é".repeat(20_000); // 40,000 bytes: the 16-bit length form (the server takes up to 64 KB)

        socket.sendText("héllo");
        socket.sendText(big);
        socket.ping();
        socket.sendText("bye");
        WebSocketConnection.Closed closed = socket.readUntilClosed(received::add, TIMEOUT);

        assertEquals(List.of("sig-1"), headers);
        assertEquals("héllo", atServer.poll(5, TimeUnit.SECONDS));
        assertTrue(big.equals(atServer.poll(5, TimeUnit.SECONDS)), "the long message arrived whole");
        assertEquals(2, received.size());
        assertEquals("echo héllo", received.poll());
        assertTrue(("echo " + big).equals(received.poll()), "the long echo arrived whole");
        assertEquals(new WebSocketConnection.Closed(4001, "device removed"), closed);
    }

    @Test
    void the_accept_key_is_the_one_of_the_rfc_example() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketConnection.accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void an_upgrade_answered_with_another_status_is_refused_with_that_status() throws Exception {
        scripted = Scripted.answering("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");

        WebSocketConnection.Refused e = assertThrows(WebSocketConnection.Refused.class, scripted::connect);

        assertEquals(401, e.status());
    }

    @Test
    void an_upgrade_answer_trickling_in_past_the_timeout_is_cut_off() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread trickle = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("HTTP/1.1 101 Switching Protocols\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    for (int i = 0; i < 100; i++) {
                        s.getOutputStream().write("X-Slow: .\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client gave up
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            long start = System.nanoTime();

            assertThrows(SocketTimeoutException.class, () -> WebSocketConnection.open(CloudConnector.DEFAULT,
                    URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/events"), Map.of(),
                    Duration.ofMillis(500)));

            assertTrue(System.nanoTime() - start < 3_000_000_000L, "after about 500 ms");
        }
    }

    @Test
    void an_upgrade_accepted_with_a_wrong_accept_key_is_not_used() throws Exception {
        scripted = Scripted.answering("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: d3Jvbmc=\r\n\r\n");

        IOException e = assertThrows(IOException.class, scripted::connect);

        assertTrue(e.getMessage().contains("wrong headers"), e.getMessage());
    }

    @Test
    void fragments_make_one_message_and_a_ping_is_answered_with_its_payload() throws Exception {
        scripted = Scripted.upgrading((in, out) -> {
            out.write(frame(false, 0x1, "hel".getBytes(StandardCharsets.UTF_8)));
            out.write(frame(true, 0x9, "p1".getBytes(StandardCharsets.UTF_8))); // a ping between fragments
            out.write(frame(true, 0x0, "lo".getBytes(StandardCharsets.UTF_8)));
            Frame pong = Frame.read(in);
            assertEquals(0xA, pong.opcode());
            assertEquals("p1", new String(pong.payload(), StandardCharsets.UTF_8));
            out.write(frame(true, 0x8, new byte[] {0x03, (byte) 0xE8}));
            Frame echo = Frame.read(in);
            assertEquals(0x8, echo.opcode());
        });
        WebSocketConnection socket = scripted.connect();
        List<String> received = new CopyOnWriteArrayList<>();

        WebSocketConnection.Closed closed = socket.readUntilClosed(received::add, TIMEOUT);

        assertEquals(List.of("hello"), received);
        assertEquals(1000, closed.code());
        scripted.assertScriptPassed();
    }

    @Test
    void a_message_over_the_limit_closes_with_1009_and_never_reaches_the_receiver() throws Exception {
        scripted = Scripted.upgrading((in, out) -> {
            out.write(frame(false, 0x1, new byte[WebSocketConnection.MAX_MESSAGE - 10]));
            out.write(frame(true, 0x0, new byte[20]));
            Frame close = Frame.read(in);
            assertEquals(0x8, close.opcode());
            assertEquals(1009, ((close.payload()[0] & 0xFF) << 8) | (close.payload()[1] & 0xFF));
        });
        List<String> received = new CopyOnWriteArrayList<>();

        WebSocketConnection.Closed closed = scripted.connect().readUntilClosed(received::add, TIMEOUT);

        assertEquals(WebSocketConnection.TOO_BIG, closed.code());
        assertEquals(List.of(), received);
        scripted.assertScriptPassed();
    }

    @Test
    void a_declared_length_of_eight_exabytes_is_refused_without_reading() throws Exception {
        scripted = Scripted.upgrading((in, out) -> out.write(new byte[] {(byte) 0x81, 127, 0x7F, -1, -1, -1, -1, -1,
                -1, -1}));

        WebSocketConnection.Closed closed = scripted.connect().readUntilClosed(text -> {}, TIMEOUT);

        assertEquals(WebSocketConnection.TOO_BIG, closed.code());
    }

    @Test
    void a_masked_frame_from_the_server_is_a_protocol_error() throws Exception {
        scripted = Scripted.upgrading((in, out) -> out.write(new byte[] {(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 'x'}));

        WebSocketConnection.Closed closed = scripted.connect().readUntilClosed(text -> {}, TIMEOUT);

        assertEquals(WebSocketConnection.PROTOCOL_ERROR, closed.code());
    }

    @Test
    void text_that_is_not_utf8_closes_with_1007() throws Exception {
        scripted = Scripted.upgrading((in, out) -> out.write(frame(true, 0x1, new byte[] {'a', (byte) 0xC3, 'b'})));
        List<String> received = new CopyOnWriteArrayList<>();

        WebSocketConnection.Closed closed = scripted.connect().readUntilClosed(received::add, TIMEOUT);

        assertEquals(WebSocketConnection.INVALID_DATA, closed.code());
        assertEquals(List.of(), received);
    }

    @Test
    void a_connection_silent_for_the_limit_counts_as_lost() throws Exception {
        scripted = Scripted.upgrading((in, out) -> Thread.sleep(5_000));
        long start = System.nanoTime();

        WebSocketConnection.Closed closed = scripted.connect().readUntilClosed(text -> {}, Duration.ofMillis(300));

        assertEquals(WebSocketConnection.ABNORMAL, closed.code());
        assertTrue(closed.reason().startsWith("nothing heard"), closed.reason());
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "after about 300 ms");
    }

    @Test
    void frames_sent_by_the_client_are_masked_also_in_the_long_length_forms() throws Exception {
        scripted = Scripted.upgrading((in, out) -> {
            byte[] raw = new byte[2 + 4 + 3];
            new DataInputStream(in).readFully(raw);
            assertEquals((byte) 0x81, raw[0]);
            assertEquals((byte) (0x80 | 3), raw[1], "mask bit and length 3");
            byte[] text = new byte[3];
            for (int i = 0; i < 3; i++) text[i] = (byte) (raw[6 + i] ^ raw[2 + (i & 3)]);
            assertEquals("abc", new String(text, StandardCharsets.UTF_8));
            Frame big = Frame.read(in); // the 64-bit length form
            assertEquals(0x1, big.opcode());
            assertTrue("x".repeat(70_000).equals(new String(big.payload(), StandardCharsets.UTF_8)), "70,000 x");
        });
        WebSocketConnection socket = scripted.connect();

        socket.sendText("abc");
        socket.sendText("x".repeat(70_000));

        scripted.assertScriptPassed();
        socket.close();
    }

    @Test
    void wss_checks_the_certificate_against_the_host() throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(tmp);
        try (ServerSocket server = tls.serverSocket()) {
            Thread accept = new Thread(() -> {
                try (Socket s = server.accept()) {
                    Scripted.upgrade(s.getInputStream(), s.getOutputStream());
                    s.getOutputStream().write(frame(true, 0x8, new byte[] {0x03, (byte) 0xE8}));
                    s.getOutputStream().flush();
                    Frame.read(s.getInputStream());
                } catch (IOException e) {
                    // the test's assertions say what went wrong
                }
            });
            accept.start();
            URI uri = URI.create("wss://127.0.0.1:" + server.getLocalPort() + "/events");

            WebSocketConnection socket = WebSocketConnection.open(tls.trustingConnector(), uri, Map.of(), TIMEOUT);

            assertEquals(1000, socket.readUntilClosed(text -> {}, TIMEOUT).code());
            accept.join(5_000);
        }
        try (ServerSocket server = tls.serverSocket()) {
            URI byName = URI.create("wss://localhost:" + server.getLocalPort() + "/events"); // not in the certificate
            Thread accept = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read();
                } catch (IOException e) {
                    // refused by the client
                }
            });
            accept.start();

            IOException e = assertThrows(IOException.class,
                    () -> WebSocketConnection.open(tls.trustingConnector(), byName, Map.of(), TIMEOUT));

            assertTrue(String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("localhost"), e.toString());
            accept.join(5_000);
        }
    }

    // ---- a loopback server that upgrades, then runs a script over raw frames --------------------------------------

    @FunctionalInterface
    private interface Script {
        void run(InputStream in, OutputStream out) throws Exception;
    }

    /** A frame as a server sends it: never masked. */
    private static byte[] frame(boolean fin, int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(127);
            for (int i = 7; i >= 0; i--) out.write((int) ((long) payload.length >> (8 * i)));
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** A frame as the client sends it, unmasked here. */
    private record Frame(int opcode, byte[] payload) {
        static Frame read(InputStream stream) throws IOException {
            DataInputStream in = new DataInputStream(stream);
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            assertTrue((second & 0x80) != 0, "a client's frame is masked");
            long length = second & 0x7F;
            if (length == 126) length = in.readUnsignedShort();
            else if (length == 127) length = in.readLong();
            byte[] mask = new byte[4];
            in.readFully(mask);
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
            return new Frame(first & 0x0F, payload);
        }
    }

    private static final class Scripted implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final Thread thread;
        private volatile Throwable failure;
        private volatile boolean passed;

        private Scripted(String answer, Script script) throws IOException {
            thread = new Thread(() -> {
                try (Socket s = server.accept()) {
                    if (answer != null) {
                        HttpHead.line(s.getInputStream(), true); // the request line; the rest is not read
                        s.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                        return;
                    }
                    upgrade(s.getInputStream(), s.getOutputStream());
                    script.run(s.getInputStream(), s.getOutputStream());
                    s.getOutputStream().flush();
                    passed = true;
                } catch (Throwable t) {
                    failure = t;
                }
            }, "scripted-ws");
            thread.setDaemon(true);
            thread.start();
        }

        static Scripted answering(String answer) throws IOException {
            return new Scripted(answer, null);
        }

        static Scripted upgrading(Script script) throws IOException {
            return new Scripted(null, script);
        }

        /** Reads the upgrade request and answers 101 with the right accept key. */
        static void upgrade(InputStream in, OutputStream out) throws IOException {
            String key = null;
            String line;
            HttpHead.line(in, true);
            while (!(line = HttpHead.line(in, false)).isEmpty()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) key = line.substring(18).trim();
            }
            assertNotNull(key, "the upgrade request has a key");
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + WebSocketConnection.accept(key) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        WebSocketConnection connect() throws IOException {
            return WebSocketConnection.open(CloudConnector.DEFAULT,
                    URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/events"), Map.of(), TIMEOUT);
        }

        void assertScriptPassed() throws InterruptedException {
            thread.join(5_000);
            if (failure != null) throw new AssertionError("the server's script failed", failure);
            assertTrue(passed, "the server's script ran to its end");
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
