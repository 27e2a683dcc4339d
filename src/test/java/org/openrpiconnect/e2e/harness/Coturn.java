package org.openrpiconnect.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Debian's coturn ({@code turnserver}) on 127.0.0.1 as a self-hoster would run it for the cloud: time-limited
 * credentials ({@code use-auth-secret} with a {@code static-auth-secret}, read from a 0600 config file, never on the
 * command line), UDP only, loopback peers allowed (browser and device both live on this machine). A free listening
 * port and relay port block, so parallel test runs do not collide. Log: &lt;logDir&gt;/turnserver.log.
 */
public final class Coturn implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/turnserver");
    private static final int RELAY_PORTS = 40;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final ManagedProcess process;
    private final Path dir;
    private final Path secretFile;
    private final Path log;
    private final int port;

    private Coturn(ManagedProcess process, Path dir, Path secretFile, Path log, int port) {
        this.process = process;
        this.dir = dir;
        this.secretFile = secretFile;
        this.log = log;
        this.port = port;
    }

    public static Coturn start(Path logDir) {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: install coturn (scripts/setup-test-env does)");
        }
        Path dir = TempDirs.create("coturn");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = java.util.HexFormat.of().formatHex(random);
        int port = freeUdpPort();
        int minPort = freeUdpBlock();
        Path log = logDir.resolve("turnserver.log");
        Path config = writePrivate(dir.resolve("turnserver.conf"), String.join("\n",
                "listening-ip=127.0.0.1", "relay-ip=127.0.0.1", "listening-port=" + port,
                "min-port=" + minPort, "max-port=" + (minPort + RELAY_PORTS - 1),
                "use-auth-secret", "static-auth-secret=" + secret, "realm=rpi-connect-e2e",
                "no-tls", "no-dtls", "no-tcp", "no-tcp-relay", "no-cli", "allow-loopback-peers",
                "verbose", "simple-log", "log-file=" + log, "pidfile=" + dir.resolve("turnserver.pid"),
                "userdb=" + dir.resolve("turndb"), ""));
        Path secretFile = writePrivate(dir.resolve("turn-secret"), secret + "\n");
        ManagedProcess p = ManagedProcess.start("turnserver", List.of(BINARY.toString(), "-c",
                config.toString()), null, logDir.resolve("turnserver.out"));
        Coturn turn = new Coturn(p, dir, secretFile, log, port);
        try {
            turn.awaitAnswering();
        } catch (RuntimeException | AssertionError e) {
            turn.close();
            throw e;
        }
        return turn;
    }

    /** The URL the cloud hands out: {@code turn:127.0.0.1:PORT?transport=udp}. */
    public String url() {
        return "turn:127.0.0.1:" + port + "?transport=udp";
    }

    /** The same server as a STUN server, for the cloud's {@code --stun-url} (coturn answers binding requests). */
    public String stunUrl() {
        return "stun:127.0.0.1:" + port;
    }

    /** The shared secret, one line, for the cloud's {@code --turn-secret-file}. */
    public Path secretFile() {
        return secretFile;
    }

    /** The cloud's {@code serve} options for this server. */
    public List<String> serveOptions() {
        return List.of("--turn-url", url(), "--turn-secret-file", secretFile.toString());
    }

    /** What coturn logged so far (allocations name the credential's user, e.g. {@code expiry:deviceId}). */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        process.stop();
        TempDirs.deleteRecursively(dir);
    }

    /** coturn logs nothing when it is ready: it is once it answers a STUN binding request. */
    private void awaitAnswering() {
        byte[] request = new byte[20];
        ByteBuffer b = ByteBuffer.wrap(request);
        b.putShort((short) 0x0001).putShort((short) 0).putInt(0x2112A442); // binding request, magic cookie
        byte[] transaction = new byte[12];
        new SecureRandom().nextBytes(transaction);
        b.put(transaction);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(200);
            Waits.until(START_TIMEOUT, "turnserver to answer STUN on 127.0.0.1:" + port, () -> {
                if (!process.isAlive()) throw new AssertionError("turnserver exited: " + process.output());
                try {
                    socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
                    DatagramPacket answer = new DatagramPacket(new byte[548], 548);
                    socket.receive(answer);
                    return answer.getLength() >= 20 && ByteBuffer.wrap(answer.getData()).getShort() == 0x0101
                            ? Boolean.TRUE : null;
                } catch (SocketTimeoutException e) {
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, this::log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writePrivate(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A loopback UDP port nothing listens on: for a STUN or TURN server that does not answer. */
    public static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first port of a block of free UDP ports for relay endpoints, picked at random in 40000-59999. */
    private static int freeUdpBlock() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 40000 + ThreadLocalRandom.current().nextInt(20000 - RELAY_PORTS);
            List<DatagramSocket> held = new ArrayList<>();
            try {
                for (int p = base; p < base + RELAY_PORTS; p++) {
                    held.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p)));
                }
                return base;
            } catch (IOException e) {
                // taken: try another block
            } finally {
                held.forEach(DatagramSocket::close);
            }
        }
        throw new AssertionError("no free block of " + RELAY_PORTS + " UDP ports for the TURN relay");
    }
}
