package org.openrpiconnect.daemon.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.LocalTestClient;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.json.JsonBoolean;
import org.openrpiconnect.protocol.local.LocalApi;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.LocalResponse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class LocalSocketServerTest {
    @TempDir
    Path runtime;

    private final List<LocalSocketServer> servers = new ArrayList<>();
    private final CountDownLatch afterReply = new CountDownLatch(1);

    private final LocalDispatcher dispatcher = new LocalDispatcher(Map.of(
            LocalMethod.STATUS, params -> Map.of("signed_in", true),
            LocalMethod.SHUTDOWN, params -> new LocalHandler.ThenRun(null, afterReply::countDown)));

    @AfterEach
    void closeServers() {
        servers.forEach(LocalSocketServer::close);
    }

    private Path socket() {
        return runtime.resolve(LocalApi.SOCKET_NAME);
    }

    private LocalSocketServer server(PeerCredentialCheck peers, Duration readTimeout) {
        LocalSocketServer s = new LocalSocketServer(socket(), peers, readTimeout);
        servers.add(s);
        return s;
    }

    private LocalSocketServer serving() throws Exception {
        LocalSocketServer s = server(PeerCredentialCheck.forThisProcess(), Duration.ofMillis(500));
        s.bind();
        s.serve(dispatcher);
        return s;
    }

    private LocalResponse status() throws IOException {
        return LocalTestClient.call(socket(), LocalMethod.STATUS, null);
    }

    @Test
    void socket_is_owner_only_and_answers_a_request() throws Exception {
        serving();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket())));
        LocalResponse r = status();
        assertTrue(r.ok());
        assertEquals(JsonBoolean.TRUE, r.result().get("signed_in"));
    }

    @Test
    void oversized_request_is_a_bad_request_and_the_server_keeps_serving() throws Exception {
        serving();
        String huge = "{\"v\":1,\"method\":\"status\",\"params\":\"" + "x".repeat(LocalApi.MAX_MESSAGE_BYTES) + "\"}\n";
        LocalResponse r = Json.read(LocalTestClient.exchange(socket(), huge), LocalResponse.class);
        assertEquals(LocalErrorCode.BAD_REQUEST, r.error().code());
        assertTrue(r.error().message().contains("larger than " + LocalApi.MAX_MESSAGE_BYTES));
        assertTrue(status().ok());
    }

    @Test
    void garbled_request_is_a_bad_request_and_the_server_keeps_serving() throws Exception {
        serving();
        LocalResponse r = Json.read(LocalTestClient.exchange(socket(), "\u0000\u00ff garbage\n"), LocalResponse.class);
        assertEquals(LocalErrorCode.BAD_REQUEST, r.error().code());
        assertTrue(status().ok());
    }

    @Test
    void request_ended_by_eof_instead_of_newline_is_answered() throws Exception {
        serving();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket()));
            ch.write(java.nio.ByteBuffer.wrap("{\"v\":1,\"method\":\"status\"}".getBytes(StandardCharsets.UTF_8)));
            ch.shutdownOutput();
            String line = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch))).readLine();
            assertTrue(Json.read(line, LocalResponse.class).ok());
        }
    }

    @Test
    void stuck_client_does_not_block_others_and_is_timed_out() throws Exception {
        serving();
        try (SocketChannel stuck = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            stuck.connect(UnixDomainSocketAddress.of(socket()));
            stuck.write(java.nio.ByteBuffer.wrap("{\"v\":1,".getBytes(StandardCharsets.UTF_8)));

            long start = System.nanoTime();
            assertTrue(status().ok());
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(400), "answered at once");

            String line = new BufferedReader(new InputStreamReader(Channels.newInputStream(stuck))).readLine();
            LocalResponse r = Json.read(line, LocalResponse.class);
            assertEquals(LocalErrorCode.BAD_REQUEST, r.error().code());
            assertTrue(r.error().message().contains("No complete request line"));
        }
    }

    @Test
    void another_user_is_answered_permission_denied() throws Exception {
        // The daemon belongs to "nobody"; this test process (root in CI) is someone else.
        PeerCredentialCheck nobodysDaemon = new PeerCredentialCheck(
                FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        LocalSocketServer s = server(nobodysDaemon, Duration.ofSeconds(1));
        s.bind();
        s.serve(dispatcher);

        LocalResponse r = status();

        assertEquals(LocalErrorCode.PERMISSION_DENIED, r.error().code());
        assertTrue(r.error().message().contains("nobody"));
    }

    @Test
    void second_daemon_on_the_same_socket_is_refused_and_the_first_keeps_serving() throws Exception {
        serving();
        LocalSocketServer second = server(PeerCredentialCheck.forThisProcess(), Duration.ofSeconds(1));

        AlreadyRunningException e = assertThrows(AlreadyRunningException.class, second::bind);

        assertEquals("rpi-connectd is already running (" + socket() + ")", e.getMessage());
        assertTrue(status().ok());
    }

    @Test
    void stale_socket_left_by_a_dead_daemon_is_replaced() throws Exception {
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket()));
        }
        assertTrue(Files.exists(socket()), "closing a Unix server socket leaves its file behind");

        serving();

        assertTrue(status().ok());
    }

    @Test
    void close_removes_the_socket_file() throws Exception {
        LocalSocketServer s = serving();
        s.close();
        assertFalse(Files.exists(socket()));
    }

    @Test
    void after_reply_action_runs_once_the_client_has_its_answer() throws Exception {
        serving();
        LocalResponse r = LocalTestClient.call(socket(), LocalMethod.SHUTDOWN, null);
        assertTrue(r.ok());
        assertTrue(afterReply.await(5, TimeUnit.SECONDS));
    }
}
