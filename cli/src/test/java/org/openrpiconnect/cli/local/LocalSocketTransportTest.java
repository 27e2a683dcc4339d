package org.openrpiconnect.cli.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalSocketTransportTest {
    @TempDir
    Path dir;

    @Test
    void a_daemon_that_accepts_but_never_answers_times_out_instead_of_hanging() throws Exception {
        Path socket = dir.resolve("rpi-connect.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            LocalSocketTransport transport = new LocalSocketTransport(socket);

            long start = System.nanoTime();
            DaemonUnreachableException e = assertThrows(DaemonUnreachableException.class,
                    () -> transport.exchange(() -> "{}", Duration.ofMillis(300)));

            assertTrue(e.getMessage().startsWith("rpi-connectd did not answer within"), e.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        }
    }

    @Test
    void no_socket_means_not_running_without_encoding_the_request() {
        LocalSocketTransport transport = new LocalSocketTransport(dir.resolve("rpi-connect.sock"));

        assertThrows(DaemonNotRunningException.class, () -> transport.exchange(() -> {
            throw new AssertionError("the request was encoded although no daemon socket exists");
        }, Duration.ofSeconds(1)));
    }

    @Test
    void reads_the_answer_line_sent_in_pieces() throws Exception {
        Path socket = dir.resolve("rpi-connect.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread peer = new Thread(() -> {
                try (SocketChannel client = server.accept()) {
                    client.read(ByteBuffer.allocate(1024));
                    client.write(ByteBuffer.wrap("{\"v\":1,".getBytes(StandardCharsets.UTF_8)));
                    Thread.sleep(100);
                    client.write(ByteBuffer.wrap("\"result\":{}}\n".getBytes(StandardCharsets.UTF_8)));
                } catch (Exception ignored) {
                    // the assertion tells
                }
            });
            peer.start();

            String answer = new LocalSocketTransport(socket).exchange(() -> "{}", Duration.ofSeconds(5));
            peer.join();

            assertEquals("{\"v\":1,\"result\":{}}", answer);
        }
    }

    @Test
    void no_socket_file_means_not_running() {
        LocalSocketTransport transport = new LocalSocketTransport(dir.resolve("rpi-connect.sock"));

        DaemonNotRunningException e = assertThrows(DaemonNotRunningException.class,
                () -> transport.exchange(() -> "{}", Duration.ofSeconds(1)));

        assertEquals("Raspberry Pi Connect is not running, run rpi-connect on", e.getMessage());
    }
}
