package org.openrpiconnect.daemon.testing;

import org.openrpiconnect.protocol.session.IceServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real TURN server for tests and benchmarks: Debian's coturn on 127.0.0.1 with time-limited credentials
 * ({@code use-auth-secret}, the TURN REST API scheme the cloud uses), UDP only, loopback peers allowed (both test
 * peers live on this machine), its own port and relay port range. Needs the {@code coturn} package
 * (scripts/setup-test-env installs it).
 */
public final class Coturn implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/turnserver");
    private static final int RELAY_PORTS = 40;

    private final Process process;
    private final String ip;
    private final int port;
    private final String secret;
    private final Path log;

    private Coturn(Process process, String ip, int port, String secret, Path log) {
        this.process = process;
        this.ip = ip;
        this.port = port;
        this.secret = secret;
        this.log = log;
    }

    public static Coturn start(Path dir) throws Exception {
        return start(dir, "127.0.0.1");
    }

    /** Listening (and relaying) on {@code ip}, an IPv4 address of this machine (e.g. a test network's). */
    public static Coturn start(Path dir, String ip) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: install coturn (scripts/setup-test-env does)");
        }
        Files.createDirectories(dir);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        int port = freeUdpPort();
        int minPort = freeUdpRange();
        Path log = dir.resolve("turnserver.log");
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "-n",
                "--listening-ip=" + ip, "--relay-ip=" + ip, "--listening-port=" + port,
                "--min-port=" + minPort, "--max-port=" + (minPort + RELAY_PORTS - 1),
                "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=rpi-connect-test",
                "--no-tls", "--no-dtls", "--no-tcp", "--no-cli", "--allow-loopback-peers",
                "--simple-log", "--log-file=" + log, "--pidfile=" + dir.resolve("turnserver.pid"),
                "--userdb=" + dir.resolve("turndb")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("turnserver.out").toFile()).start();
        Coturn turn = new Coturn(p, ip, port, secret, log);
        try {
            turn.awaitListening(Duration.ofSeconds(10));
        } catch (Exception | AssertionError e) {
            turn.close(); // never leave a relay running behind a failed start
            throw e;
        }
        return turn;
    }

    public String url() {
        return "turn:" + ip + ":" + port + "?transport=udp";
    }

    /** The same server as a STUN server (coturn answers binding requests without credentials). */
    public String stunUrl() {
        return "stun:" + ip + ":" + port;
    }

    public int port() {
        return port;
    }

    /** A TURN server entry with credentials valid for {@code ttl}: username "expiry:name", HMAC-SHA1 password. */
    public IceServer credentials(String name, Duration ttl) {
        String username = Instant.now().plus(ttl).getEpochSecond() + ":" + name;
        return new IceServer(List.of(url()), username, hmac(secret, username));
    }

    static String hmac(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until coturn answers a STUN binding request (it logs no line once it listens). */
    private void awaitListening(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] request = new byte[20];
        ByteBuffer.wrap(request).putShort((short) 0x0001).putShort((short) 0).putInt(0x2112A442);
        new SecureRandom().nextBytes(java.util.Arrays.copyOfRange(request, 8, 20));
        InetAddress address = InetAddress.getByName(ip);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0))) {
            socket.setSoTimeout(200);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new AssertionError("turnserver exited with " + process.exitValue());
                socket.send(new DatagramPacket(request, request.length, address, port));
                DatagramPacket answer = new DatagramPacket(new byte[512], 512);
                try {
                    socket.receive(answer);
                    if (answer.getLength() >= 20 && ByteBuffer.wrap(answer.getData()).getShort() == 0x0101) return;
                } catch (SocketTimeoutException e) {
                    // not up yet
                }
            }
        }
        throw new AssertionError("turnserver did not answer on port " + port + " within " + timeout + "; see " + log);
    }

    /** A loopback UDP port nothing listens on (for a STUN/TURN server that does not answer). */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    /** A random block of free UDP ports in 40000-59999 for the relay endpoints. */
    private static int freeUdpRange() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 40000 + ThreadLocalRandom.current().nextInt(20000 - RELAY_PORTS);
            if (rangeFree(base)) return base;
        }
        throw new AssertionError("no free block of " + RELAY_PORTS + " UDP ports for the TURN relay");
    }

    private static boolean rangeFree(int base) {
        List<DatagramSocket> held = new ArrayList<>();
        try {
            for (int p = base; p < base + RELAY_PORTS; p++) {
                held.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p)));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }
}
