package org.openrpiconnect.cloud.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.FakeDevice;
import org.openrpiconnect.cloud.TestCloud;
import org.openrpiconnect.protocol.device.DeviceEvent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two cloud instances on one PostgreSQL: a change made through one reaches a device connected to the other. */
class TwoInstancesOnPostgresTest {
    static PostgresCluster cluster;
    static TestCloud a;
    static TestCloud b;

    @BeforeAll
    static void start() throws Exception {
        cluster = PostgresCluster.start();
        a = TestCloud.start(cluster.jdbcUrl(), cluster.user());
        b = TestCloud.start(cluster.jdbcUrl(), cluster.user());
    }

    @AfterAll
    static void stop() {
        if (a != null) a.close();
        if (b != null) b.close();
        if (cluster != null) cluster.close();
    }

    @Test
    void rename_through_one_instance_reaches_the_socket_held_by_the_other() throws Exception {
        a.user("shared@example.org");
        String key = a.personalKey("shared@example.org");
        FakeDevice device = new FakeDevice(b, "shared-1", "sharedpi");
        assertEquals(201, device.signInWithAuthKey(key).statusCode(), "a key made on A links through B");

        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        device.eventSocketHeaders().forEach(builder::header);
        WebSocket socket = builder.buildAsync(URI.create(b.url.replace("http", "ws") + "/api/v1/device/events"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        frames.add(data.toString());
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            assertTrue(frames.poll(5, TimeUnit.SECONDS).contains(DeviceEvent.HELLO));
            a.cloud.devices.rename(device.deviceId, "renamed-on-a");
            String frame = frames.poll(2, TimeUnit.SECONDS);
            assertNotNull(frame, "no event within 2 s");
            assertTrue(frame.contains("\"renamed-on-a\""), frame);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
