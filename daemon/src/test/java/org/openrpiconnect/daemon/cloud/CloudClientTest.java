package org.openrpiconnect.daemon.cloud;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.config.CloudEndpoint;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceCodePoll;
import org.openrpiconnect.protocol.device.DeviceCodeStatus;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.RequestSignature;
import org.openrpiconnect.protocol.device.SignedInDevice;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class CloudClientTest {
    private static final String SELF_ANSWER = "{\"device_id\":\"dev-1\",\"name\":\"kitchen\"}";

    @TempDir
    Path tmp;

    private final KeyPair key = DeviceKeys.generate();
    private final DeviceSigner signer = new DeviceSigner(key.getPrivate(), "10000000abcdef", "dev-1", Clock.systemUTC());
    private ScriptedHttpServer server;

    @AfterEach
    void tearDown() throws IOException {
        if (server != null) server.close();
    }

    private CloudClient client() {
        return new CloudClient(new CloudEndpoint(URI.create("http://127.0.0.1:" + server.port())),
                CloudClient.REQUEST_TIMEOUT);
    }

    private CloudClient clientWithLimit(int maxAnswerBytes) {
        return new CloudClient(new CloudEndpoint(URI.create("http://127.0.0.1:" + server.port())),
                new HttpExchange(CloudConnector.DEFAULT, CloudClient.CONNECT_TIMEOUT, maxAnswerBytes),
                CloudClient.REQUEST_TIMEOUT);
    }

    @Test
    void a_post_sends_json_with_its_content_type_and_a_signature_over_the_exact_body_bytes() throws Exception {
        server = ScriptedHttpServer.start(ScriptedHttpServer.Script.replying(
                r -> ScriptedHttpServer.json("200 OK", "{\"status\":\"pending\"}")));

        DeviceCodeStatus status = client().pollDeviceCode(signer, "code-1");

        assertEquals(DeviceCodeStatus.PENDING, status.status());
        ScriptedHttpServer.Request request = server.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals(DeviceApi.SIGNIN_CODE_POLL, request.path());
        assertEquals("application/json", request.headers().get("content-type"));
        assertEquals("application/json", request.headers().get("accept"));
        assertEquals(new DeviceCodePoll("code-1"), Json.read(request.body(), DeviceCodePoll.class));
        assertSignedOver(request, request.body());
    }

    @Test
    void a_get_sends_no_body_is_signed_over_empty_bytes_and_decodes_the_answer() throws Exception {
        server = ScriptedHttpServer.start(ScriptedHttpServer.Script.replying(
                r -> ScriptedHttpServer.json("200 OK", SELF_ANSWER)));

        SignedInDevice self = client().self(signer);

        assertEquals(new SignedInDevice("dev-1", "kitchen"), self);
        ScriptedHttpServer.Request request = server.requests().get(0);
        assertEquals("GET", request.method());
        assertEquals(DeviceApi.SELF, request.path());
        assertEquals(0, request.body().length);
        assertSignedOver(request, new byte[0]);
    }

    @Test
    void a_refusal_in_the_error_shape_becomes_rejected_with_the_device_error_also_for_a_post_with_a_body_answered_401() throws Exception {
        server = ScriptedHttpServer.start(ScriptedHttpServer.Script.replying(r -> ScriptedHttpServer.json(
                "401 Unauthorized", "{\"code\":\"device_unknown\",\"message\":\"No such device\"}")));

        CloudException.Rejected e = assertThrows(CloudException.Rejected.class,
                () -> client().pollDeviceCode(signer, "code-1"));

        assertEquals(401, e.status());
        assertEquals(DeviceErrorCode.DEVICE_UNKNOWN, e.error().code());
        assertEquals("No such device", e.error().message());
    }

    @Test
    void an_error_status_with_a_body_that_is_not_json_is_unexpected_with_that_status() throws Exception {
        server = ScriptedHttpServer.start(ScriptedHttpServer.Script.replying(r -> ScriptedHttpServer.answer(
                "502 Bad Gateway", Map.of("Content-Type", "text/html"),
                "<html>proxy trouble</html>".getBytes(StandardCharsets.UTF_8))));

        CloudException.Unexpected e = assertThrows(CloudException.Unexpected.class, () -> client().health());

        assertTrue(e.getMessage().endsWith("answered GET " + DeviceApi.HEALTH + " with HTTP 502"), e.getMessage());
        assertEquals(false, e.notSupported());
    }

    @Test
    void a_post_whose_connection_closes_before_an_answer_is_sent_once_and_is_unreachable() throws Exception {
        server = ScriptedHttpServer.start((request, out) -> out.close()); // took it, said nothing

        assertThrows(CloudException.Unreachable.class, () -> client().pollDeviceCode(signer, "code-1"));

        assertEquals(1, server.requests().size(), "the POST went out again: a sign-in would spend its key twice");
    }

    @Test
    void an_answer_without_an_http_status_line_is_unexpected() throws Exception {
        server = ScriptedHttpServer.start((request, out) -> {
            out.write("SSH-2.0-OpenSSH_9.2\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.close();
        });

        CloudException.Unexpected e = assertThrows(CloudException.Unexpected.class, () -> client().health());

        assertTrue(e.getMessage().contains("not an HTTP answer"), e.getMessage());
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_without_waiting_for_the_body() throws Exception {
        server = ScriptedHttpServer.start((request, out) -> out.write(("HTTP/1.1 200 OK\r\nContent-Type: "
                + "application/json\r\nContent-Length: 2147483648\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1)));
        long start = System.nanoTime();

        CloudException.Unexpected e = assertThrows(CloudException.Unexpected.class, () -> client().self(signer));

        assertTrue(e.getMessage().contains("an answer larger than " + CloudClient.MAX_ANSWER_BYTES + " bytes"),
                e.getMessage());
        assertTrue(elapsedMillis(start) < 5_000, "refused at once, not after the request timeout");
    }

    @Test
    void a_chunked_answer_growing_over_the_limit_is_refused() throws Exception {
        server = ScriptedHttpServer.start((request, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 8; i++) {
                out.write(("3e8\r\n" + " ".repeat(1000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        });

        CloudException.Unexpected e = assertThrows(CloudException.Unexpected.class,
                () -> clientWithLimit(4096).self(signer));

        assertTrue(e.getMessage().contains("an answer larger than 4096 bytes"), e.getMessage());
    }

    @Test
    void a_redirect_is_not_followed() throws Exception {
        server = ScriptedHttpServer.start(ScriptedHttpServer.Script.replying(r -> ScriptedHttpServer.answer(
                "302 Found", Map.of("Location", "/elsewhere"), new byte[0])));

        CloudException.Unexpected e = assertThrows(CloudException.Unexpected.class, () -> client().self(signer));

        assertTrue(e.getMessage().endsWith("with HTTP 302"), e.getMessage());
        assertEquals(1, server.requests().size(), "only the request itself, no request to the Location");
    }

    @Test
    void a_server_that_never_answers_times_out_after_the_request_timeout() throws Exception {
        server = ScriptedHttpServer.start((request, out) -> {});
        long start = System.nanoTime();

        CloudException.Unreachable e = assertThrows(CloudException.Unreachable.class,
                () -> client().withTimeout(Duration.ofMillis(300)).health());

        assertTrue(e.getMessage().endsWith("(timed out)"), e.getMessage());
        assertTrue(elapsedMillis(start) < 5_000, "after about 300 ms");
    }

    @Test
    void a_body_dripping_in_past_the_request_timeout_is_cut_off() throws Exception {
        assertCutOffAtTheRequestTimeout("HTTP/1.1 200 OK\r\nContent-Length: 200\r\n\r\n", " ");
    }

    @Test
    void headers_trickling_in_past_the_request_timeout_are_cut_off() throws Exception {
        assertCutOffAtTheRequestTimeout("HTTP/1.1 200 OK\r\n", "X-Slow: .\r\n");
    }

    /** The server sends {@code start}, then {@code piece} every 50 ms (each well within a read timeout) 200 times. */
    private void assertCutOffAtTheRequestTimeout(String start, String piece) throws Exception {
        server = ScriptedHttpServer.start((request, out) -> {
            out.write(start.getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 200; i++) {
                out.write(piece.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(50);
            }
        });
        long began = System.nanoTime();

        CloudException.Unreachable e = assertThrows(CloudException.Unreachable.class,
                () -> client().withTimeout(Duration.ofMillis(500)).self(signer));

        assertTrue(e.getMessage().endsWith("(timed out)"), e.getMessage());
        assertTrue(elapsedMillis(began) < 3_000, "each piece came within the read timeout, the whole did not");
    }

    @Test
    void nothing_listening_is_connection_refused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        CloudClient client = new CloudClient(new CloudEndpoint(URI.create("http://127.0.0.1:" + port)),
                CloudClient.REQUEST_TIMEOUT);

        CloudException.Unreachable e = assertThrows(CloudException.Unreachable.class, client::health);

        assertEquals("Cannot reach Raspberry Pi Connect at http://127.0.0.1:" + port + " (connection refused)",
                e.getMessage());
    }

    @Test
    void calls_reuse_one_kept_alive_connection_also_after_an_error_answer() throws Exception {
        server = ScriptedHttpServer.start(ScriptedHttpServer.Script.replying(r -> r.path().equals(DeviceApi.SELF)
                ? ScriptedHttpServer.json("200 OK", SELF_ANSWER)
                : ScriptedHttpServer.json("429 Too Many Requests", "{\"code\":\"rate_limited\",\"message\":\"slow\"}")));
        CloudClient client = client();

        client.self(signer);
        assertThrows(CloudException.Rejected.class, () -> client.signOut(signer));
        client.self(signer);

        assertEquals(3, server.requests().size());
        assertEquals(1, server.connections(), "one connection for all three calls");
    }

    @Test
    void a_kept_connection_is_closed_once_it_idled_its_time() throws Exception {
        server = ScriptedHttpServer.start(ScriptedHttpServer.Script.replying(
                r -> ScriptedHttpServer.json("200 OK", SELF_ANSWER)));

        client().self(signer);
        Thread.sleep(500);
        assertEquals(0, server.endedByClient(), "kept for the next call");

        long deadline = System.nanoTime() + HttpExchange.KEEP_IDLE.plusSeconds(3).toNanos();
        while (server.endedByClient() == 0 && System.nanoTime() < deadline) Thread.sleep(50);
        assertEquals(1, server.endedByClient(), "closed after idling " + HttpExchange.KEEP_IDLE);
    }

    @Test
    void a_get_on_a_kept_connection_the_server_closed_is_sent_again_on_a_new_one() throws Exception {
        server = ScriptedHttpServer.start((request, out) -> {
            out.write(ScriptedHttpServer.json("200 OK", SELF_ANSWER)); // no "Connection: close", yet it closes
            out.close();
        });
        CloudClient client = client();
        client.self(signer);
        Thread.sleep(200); // the server's close arrives

        assertEquals(new SignedInDevice("dev-1", "kitchen"), client.self(signer));

        assertEquals(2, server.requests().size());
        assertEquals(2, server.connections());
    }

    @Test
    void a_post_on_a_kept_connection_the_server_closed_is_not_sent_again() throws Exception {
        server = ScriptedHttpServer.start((request, out) -> {
            out.write(ScriptedHttpServer.json("200 OK", "{\"status\":\"pending\"}"));
            out.close();
        });
        CloudClient client = client();
        client.pollDeviceCode(signer, "code-1");
        Thread.sleep(200);

        assertThrows(CloudException.Unreachable.class, () -> client.pollDeviceCode(signer, "code-1"));

        assertEquals(1, server.requests().size(), "the POST went out again: a sign-in would spend its key twice");
        assertEquals(1, server.connections());
    }

    @Test
    void https_round_trip_against_a_server_whose_certificate_is_trusted() throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(tmp);
        server = ScriptedHttpServer.on(tls.serverSocket(), ScriptedHttpServer.Script.replying(
                r -> ScriptedHttpServer.json("200 OK", SELF_ANSWER)));
        CloudClient client = new CloudClient(new CloudEndpoint(URI.create("https://127.0.0.1:" + server.port())),
                new HttpExchange(tls.trustingConnector(), CloudClient.CONNECT_TIMEOUT, CloudClient.MAX_ANSWER_BYTES),
                CloudClient.REQUEST_TIMEOUT);

        assertEquals(new SignedInDevice("dev-1", "kitchen"), client.self(signer));
        assertSignedOver(server.requests().get(0), new byte[0]);
    }

    @Test
    void https_to_a_certificate_the_machine_does_not_trust_is_unreachable_with_the_reason() throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(tmp);
        server = ScriptedHttpServer.on(tls.serverSocket(), ScriptedHttpServer.Script.replying(
                r -> ScriptedHttpServer.json("200 OK", SELF_ANSWER)));
        CloudClient client = new CloudClient(new CloudEndpoint(URI.create("https://127.0.0.1:" + server.port())),
                CloudClient.REQUEST_TIMEOUT);

        CloudException.Unreachable e = assertThrows(CloudException.Unreachable.class, () -> client.self(signer));

        assertTrue(e.getMessage().contains("PKIX"), e.getMessage());
        assertTrue(server.requests().isEmpty(), "no request sent over an unverified connection");
    }

    @Test
    void an_http_call_loads_no_tls_and_no_java_net_http_class() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), HttpOnlyCall.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        assertTrue(output.contains(HttpOnlyCall.DONE), output.lines().filter(l -> !l.contains("class,load"))
                .reduce("", (a, b) -> a + "\n" + b));
        assertTrue(output.contains(" " + HttpExchange.class.getName() + " "), "the call went through HttpExchange");
        List<String> unwanted = output.lines().filter(l -> l.contains("class,load") && (l.contains(" java.net.http.")
                || l.contains(" jdk.internal.net.http.") || l.contains(" sun.security.ssl.")
                || l.contains(" javax.net.ssl."))).toList();
        assertEquals(List.of(), unwanted);
    }

    /** Run in a fresh JVM by the test above: one signed call to a plain-http server. */
    static final class HttpOnlyCall {
        static final String DONE = "http-only-call-done";

        public static void main(String[] args) throws Exception {
            KeyPair key = DeviceKeys.generate();
            try (ScriptedHttpServer server = ScriptedHttpServer.start(ScriptedHttpServer.Script.replying(
                    r -> ScriptedHttpServer.json("200 OK", SELF_ANSWER)))) {
                new CloudClient(new CloudEndpoint(URI.create("http://127.0.0.1:" + server.port())),
                        CloudClient.REQUEST_TIMEOUT)
                        .self(new DeviceSigner(key.getPrivate(), "10000000abcdef", "dev-1", Clock.systemUTC()));
            }
            System.out.println(DONE);
        }
    }

    private void assertSignedOver(ScriptedHttpServer.Request request, byte[] body) {
        Map<String, String> h = request.headers();
        String canonical = RequestSignature.canonical(request.method(), request.path(),
                Long.parseLong(h.get(RequestSignature.TIMESTAMP.toLowerCase())),
                h.get(RequestSignature.SERIAL.toLowerCase()), h.get(RequestSignature.DEVICE_ID.toLowerCase()), body);
        assertTrue(RequestSignature.verify(key.getPublic(), canonical, h.get(RequestSignature.SIGNATURE.toLowerCase())),
                "the signature covers the bytes the server received");
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
