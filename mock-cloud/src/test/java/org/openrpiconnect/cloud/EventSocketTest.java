package org.openrpiconnect.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceError;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.openrpiconnect.protocol.device.RequestSignature;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSocketTest {
    static TestCloud cloud;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        cloud.user("events@example.org");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private FakeDevice linked(String serial) {
        FakeDevice d = new FakeDevice(cloud, serial, "eventpi");
        assertEquals(201, d.signInWithAuthKey(cloud.personalKey("events@example.org")).statusCode());
        return d;
    }

    @Test
    void first_frame_is_hello_with_the_device_name() throws Exception {
        FakeDevice d = linked("ev-hello");
        try (EventSocketClient socket = EventSocketClient.connect(cloud, d)) {
            DeviceEvent hello = socket.next(5000);
            assertNotNull(hello);
            assertEquals(DeviceEvent.HELLO, hello.type());
            assertEquals("eventpi", hello.name());
        }
    }

    @Test
    void rename_by_an_admin_command_reaches_the_socket_within_two_seconds() throws Exception {
        FakeDevice d = linked("ev-rename");
        try (EventSocketClient socket = EventSocketClient.connect(cloud, d)) {
            assertEquals(DeviceEvent.HELLO, socket.next(5000).type());
            long start = System.nanoTime();
            assertEquals(0, cloud.command("device", "rename", d.deviceId, "renamed-pi").code());
            DeviceEvent renamed = socket.next(2000);
            assertNotNull(renamed, "no event within 2 s");
            assertEquals(DeviceEvent.RENAMED, renamed.type());
            assertEquals("renamed-pi", renamed.name());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
        }
    }

    @Test
    void removal_by_an_admin_command_sends_removed_then_closes_with_signed_out() throws Exception {
        FakeDevice d = linked("ev-remove");
        try (EventSocketClient socket = EventSocketClient.connect(cloud, d)) {
            assertEquals(DeviceEvent.HELLO, socket.next(5000).type());
            assertEquals(0, cloud.command("device", "remove", d.deviceId).code());
            DeviceEvent removed = socket.next(2000);
            assertNotNull(removed, "no event within 2 s");
            assertEquals(DeviceEvent.REMOVED, removed.type());
            assertEquals(DeviceApi.CLOSE_SIGNED_OUT, socket.closeCode.get(2, TimeUnit.SECONDS));
        }
        DeviceSignatureTest.assertError(d.get(DeviceApi.SELF), 401, DeviceErrorCode.DEVICE_UNKNOWN);
    }

    @Test
    void signing_out_closes_the_socket_with_signed_out() throws Exception {
        FakeDevice d = linked("ev-signout");
        try (EventSocketClient socket = EventSocketClient.connect(cloud, d)) {
            assertEquals(DeviceEvent.HELLO, socket.next(5000).type());
            assertEquals(204, d.post(DeviceApi.SIGNOUT, new byte[0], true).statusCode());
            assertEquals(DeviceApi.CLOSE_SIGNED_OUT, socket.closeCode.get(3, TimeUnit.SECONDS));
        }
    }

    @Test
    void upgrade_with_a_bad_signature_is_refused_with_401_and_a_device_error() throws Exception {
        FakeDevice d = linked("ev-refused");
        Map<String, String> headers = new java.util.LinkedHashMap<>(d.eventSocketHeaders());
        headers.put(RequestSignature.TIMESTAMP, Long.toString(d.nowSeconds() + 1)); // signature no longer matches
        RawResponse r = rawUpgrade(headers);
        assertEquals(401, r.status(), r.body());
        assertEquals(DeviceErrorCode.BAD_SIGNATURE, Json.read(r.body(), DeviceError.class).code());
    }

    @Test
    void upgrade_for_a_removed_device_is_refused_as_device_unknown() throws Exception {
        FakeDevice d = linked("ev-gone");
        cloud.cloud.devices.remove(d.deviceId);
        RawResponse r = rawUpgrade(d.eventSocketHeaders());
        assertEquals(401, r.status(), r.body());
        assertEquals(DeviceErrorCode.DEVICE_UNKNOWN, Json.read(r.body(), DeviceError.class).code());
    }

    record RawResponse(int status, String body) {}

    /** A hand-made upgrade request, so the refusal's status and body can be read. */
    static RawResponse rawUpgrade(Map<String, String> headers) throws Exception {
        URI uri = URI.create(cloud.url);
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            StringBuilder req = new StringBuilder("GET " + DeviceApi.EVENTS + " HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                    .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            req.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            int length = -1;
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
            }
            char[] body = new char[Math.max(length, 0)];
            int read = 0;
            while (read < body.length) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) break;
                read += n;
            }
            return new RawResponse(status, new String(body, 0, read));
        }
    }
}
