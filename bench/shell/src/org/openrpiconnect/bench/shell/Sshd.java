package org.openrpiconnect.bench.shell;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * openssh-server on loopback for the comparison: a throwaway host key and client key in a temp dir, sshd on a free
 * port with its own config, the same user and login shell as the remote shell. Needs root (sshd's privilege
 * separation) and the openssh-server package. PAM stays on: without it sshd refuses users whose password is locked
 * (as the test user's is), and it is how sshd runs on a Pi.
 */
final class Sshd implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path clientKey;
    private final String user;

    private Sshd(Process process, int port, Path clientKey, String user) {
        this.process = process;
        this.port = port;
        this.clientKey = clientKey;
        this.user = user;
    }

    static Sshd start(Path dir, String user) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/sshd"))) {
            throw new IOException("/usr/sbin/sshd is missing: install openssh-server (bench/shell/run does)");
        }
        Files.createDirectories(dir);
        Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory
        Path hostKey = dir.resolve("host_key");
        Path clientKey = dir.resolve("client_key");
        DeviceProcess.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
        DeviceProcess.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", clientKey.toString());
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(clientKey.resolveSibling("client_key.pub"), authorized);
        Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + hostKey, "AuthorizedKeysFile " + authorized,
                "PidFile " + dir.resolve("sshd.pid"), "StrictModes no", "UsePAM yes", "PasswordAuthentication no",
                "KbdInteractiveAuthentication no", "PrintMotd no", "PrintLastLog no", "AllowUsers " + user,
                "UseDNS no", "") + "\n");
        Process p = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        Sshd sshd = new Sshd(p, port, clientKey, user);
        try {
            sshd.awaitListening();
        } catch (Exception e) {
            sshd.close();
            throw e;
        }
        return sshd;
    }

    /**
     * Nanos from starting {@code ssh} to the shell's prompt: the first output that ends in "$ " or "# " (PAM may
     * print the message of the day before it).
     */
    long openNanos() throws Exception {
        long start = System.nanoTime();
        Process ssh = new ProcessBuilder(sshCommand()).start();
        try (InputStream out = ssh.getInputStream()) {
            StringBuilder seen = new StringBuilder();
            byte[] buf = new byte[8192];
            while (true) {
                int n = out.read(buf);
                if (n < 0) {
                    throw new IOException("ssh ended without a prompt: " + seen + " "
                            + new String(ssh.getErrorStream().readAllBytes()));
                }
                seen.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                String text = seen.toString().stripTrailing();
                if (seen.toString().endsWith("$ ") || seen.toString().endsWith("# ")) {
                    return System.nanoTime() - start;
                }
                if (text.length() > 100_000) throw new IOException("no prompt in " + text.length() + " chars");
            }
        } finally {
            ssh.destroy();
            ssh.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code cat} of {@code file} through ssh with a terminal ({@code -tt}, as an interactive session has one), read
     * here as the browser stand-in reads the shell: bytes from the first received to the end of the stream, so the
     * connection's set-up is not counted. Receiving CPU: the ssh client (reaped here) and this process's reading.
     * Not the sending side's: sshd's connection processes are not its children once it re-executes itself, so their
     * time never reaches its count.
     */
    Throughput cat(Path file) throws Exception {
        double receiverBefore = ProcCpu.ownMillis();
        MachineCpu.Sample machineBefore = MachineCpu.sample();
        Process ssh = new ProcessBuilder(sshCommand("cat " + file)).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long first = 0;
        long bytes = 0;
        long reads = 0;
        try (InputStream out = ssh.getInputStream()) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = out.read(buf)) > 0) {
                if (first == 0) first = System.nanoTime();
                bytes += n;
                reads++;
            }
        }
        long last = System.nanoTime();
        double busy = MachineCpu.sample().busyPercentSince(machineBefore);
        if (!ssh.waitFor(30, TimeUnit.SECONDS)) {
            ssh.destroyForcibly();
            throw new IOException("ssh did not end after cat's output");
        }
        if (ssh.exitValue() != 0 || bytes == 0) {
            throw new IOException("ssh cat " + file + " failed: exit " + ssh.exitValue() + ", " + bytes + " bytes");
        }
        return new Throughput(bytes, last - first, reads, 0, ProcCpu.ownMillis() - receiverBefore, busy);
    }

    /** ssh to this sshd as the user, with a terminal (-tt), key auth only; then the remote command, if any. */
    private List<String> sshCommand(String... remoteCommand) {
        List<String> command = new ArrayList<>(List.of("ssh", "-tt", "-p", Integer.toString(port), "-i",
                clientKey.toString(), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", user + "@127.0.0.1"));
        command.addAll(List.of(remoteCommand));
        return command;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    private void awaitListening() throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) throw new IOException("sshd exited with " + process.exitValue());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("sshd did not listen on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
