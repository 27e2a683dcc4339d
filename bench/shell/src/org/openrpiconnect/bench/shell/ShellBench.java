package org.openrpiconnect.bench.shell;

import org.openrpiconnect.daemon.testing.BrowserPeer;
import org.openrpiconnect.daemon.testing.Coturn;
import org.openrpiconnect.daemon.testing.FakeCloud;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The remote shell's benchmarks, measured, never assumed: the real daemon ({@code bin/rpi-connectd} as an ordinary
 * user), a webrtc-java peer standing in for the browser, an in-process stand-in of the cloud relaying the
 * signalling, coturn for the relayed path and sshd for the comparison, all on this machine; and the real shell page
 * in headless Chromium ({@link BrowserOpen}). Writes one {@code name value unit} line per figure to WORKDIR/results;
 * progress goes to stderr. {@code -Dbench.parts} picks parts: open, rss, echo, throughput, relayed, ssh, browser,
 * unload.
 *
 * <p>Throughput is measured {@link #BULK_REPEATS} times each, shell and raw channel alternating, and the medians are
 * reported: on a busy machine, one of each in a row mostly measures what else ran meanwhile.
 *
 * <p>Usage: ShellBench REPO WORKDIR USER SENDER_CLASSPATH
 */
public final class ShellBench {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int OPENS = Integer.getInteger("bench.opens", 30);
    private static final int RELAYED_OPENS = Integer.getInteger("bench.relayedOpens", 20);
    private static final int SSH_OPENS = Integer.getInteger("bench.sshOpens", 20);
    private static final int ECHOES = Integer.getInteger("bench.echoes", 500);
    private static final long BULK_BYTES = Long.getLong("bench.bulkBytes", 200_000_000L);
    private static final int BULK_REPEATS = Integer.getInteger("bench.bulkRepeats", 5);
    /**
     * Which parts run: open, rss, echo, throughput, relayed, ssh, browser (all by default), and unload (only when
     * named: it waits 5 minutes for the daemon to unload WebRTC).
     */
    private static final List<String> PARTS = List.of(System.getProperty("bench.parts",
            "open,rss,echo,throughput,relayed,ssh,browser").split(","));
    private static final int CHUNK = 64 * 1024; // the daemon's largest output message (ShellChannel.MAX_MESSAGE_BYTES)
    private static final String DAEMON_JVM = "-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k";

    private final AtomicInteger ids = new AtomicInteger();
    private Report report;
    private FakeCloud cloud;
    private String deviceId;

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        Path work = Path.of(args[1]);
        String user = args[2];
        String senderClasspath = args[3];
        int status = 0;
        try {
            new ShellBench().run(repo, work, user, senderClasspath);
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        System.exit(status); // native threads of the WebRTC stack would keep the JVM alive
    }

    private void run(Path repo, Path work, String user, String senderClasspath) throws Exception {
        report = new Report(work.resolve("results"));
        Report.note("parts: " + String.join(",", PARTS) + "; load average " + Load.average());
        if (PARTS.contains("open") || PARTS.contains("rss") || PARTS.contains("echo") || PARTS.contains("throughput")
                || PARTS.contains("relayed")) {
            againstFakeCloud(repo, work, user, senderClasspath);
        }
        if (PARTS.contains("ssh")) ssh(work, user);
        if (PARTS.contains("browser")) BrowserOpen.run(repo, work, report);
        Report.note("load average at the end " + Load.average());
    }

    /** Everything measured with the webrtc-java browser stand-in, against the daemon tests' cloud stand-in. */
    private void againstFakeCloud(Path repo, Path work, String user, String senderClasspath) throws Exception {
        cloud = FakeCloud.start();
        cloud.addAuthKey("rpuak_bench");
        String javaOpts = System.getProperty("bench.daemonJavaOpts", "");
        if (!javaOpts.isEmpty()) Report.note("daemon started with RPI_CONNECT_JAVA_OPTS=" + javaOpts);
        Path launcher = Path.of(System.getProperty("bench.daemon", repo.resolve("bin/rpi-connectd").toString()));
        Report.note("daemon: " + launcher);
        try (DeviceProcess device = DeviceProcess.start(launcher, work.resolve("device"), user, cloud.url(),
                "rpuak_bench", "max_shell_sessions=16\n", javaOpts)) {
            awaitLinked(device);
            Thread.sleep(10_000); // settled, as bench/run package measures it (the JVM trims its native heap every 5 s)
            if (PARTS.contains("rss")) report.line("daemon.rss.idle", device.rssMb(), "MB");

            BrowserPeer.Ice direct = BrowserPeer.Ice.hostOnly();
            if (PARTS.contains("open")) {
                Stats cold = new Stats();
                cold.addNanos(openAndClose(direct));
                report.line("shell.open.direct.cold", cold.percentile(50), "ms");
                Stats opens = new Stats();
                for (int i = 0; i < OPENS; i++) opens.addNanos(openAndClose(direct));
                report.line("shell.open.direct.p50", opens.percentile(50), "ms");
                report.line("shell.open.direct.p99", opens.percentile(99), "ms");
            }

            List<BrowserPeer> open = new ArrayList<>();
            open.add(openShell(direct));
            if (PARTS.contains("rss")) {
                Thread.sleep(1000);
                report.line("daemon.rss.1session", device.rssMb(), "MB");
                for (int i = 1; i < 10; i++) open.add(openShell(direct));
                Thread.sleep(1000);
                report.line("daemon.rss.10sessions", device.rssMb(), "MB");
                for (BrowserPeer p : open.subList(1, open.size())) closeAndAwait(p);
            }

            BrowserPeer shell = open.get(0);
            if (PARTS.contains("echo")) {
                Stats echo = echoes(shell);
                report.line("shell.echo.p50", echo.percentile(50), "ms");
                report.line("shell.echo.p99", echo.percentile(99), "ms");
            }
            if (PARTS.contains("throughput")) throughputs(shell, device.pid(), work, user, senderClasspath);
            closeAndAwait(shell);

            if (PARTS.contains("relayed")) {
                try (Coturn turn = Coturn.start(work.resolve("turn"))) {
                    BrowserPeer.Ice relayed = BrowserPeer.Ice.relayOnly(turn.credentials(deviceId,
                            Duration.ofHours(1)));
                    Stats relayedOpens = new Stats();
                    for (int i = 0; i < RELAYED_OPENS; i++) relayedOpens.addNanos(openAndClose(relayed));
                    report.line("shell.open.relayed.p50", relayedOpens.percentile(50), "ms");
                    report.line("shell.open.relayed.p99", relayedOpens.percentile(99), "ms");
                }
            }
            if (PARTS.contains("rss")) report.line("daemon.rss.after", device.rssMb(), "MB");
            if (PARTS.contains("unload")) {
                // the daemon unloads WebRTC 5 minutes after the last session and gives memory back (WebRtcFactory)
                Thread.sleep(Duration.ofMinutes(5).plusSeconds(20).toMillis());
                report.line("daemon.rss.unloaded", device.rssMb(), "MB");
            }
        } finally {
            cloud.close();
        }
    }

    /**
     * The shell's {@code cat} against the raw channel, alternating, medians reported; the ratio is the median of the
     * rounds' ratios (a round: one of each, back to back, so a change in the machine's load hits both alike). Both
     * count from the first byte of the payload received to the last, with the same 64 KiB largest message; the
     * average message size of each is shown too, so a difference in framing is seen rather than guessed.
     */
    private void throughputs(BrowserPeer shell, long daemonPid, Path work, String user, String senderClasspath)
            throws Exception {
        Path bulk = writeBulkFile(work.resolve("bulk.txt"));
        Stats shellRate = new Stats();
        Stats channelRate = new Stats();
        Stats ratio = new Stats();
        Stats shellCpu = new Stats();
        Stats channelCpu = new Stats();
        Stats shellReceiverCpu = new Stats();
        Stats channelReceiverCpu = new Stats();
        Stats shellBusy = new Stats();
        Stats channelBusy = new Stats();
        // ssh with a terminal, in the same rounds: what a shell over an encrypted connection and a pty reaches here
        Sshd sshd = PARTS.contains("ssh") ? Sshd.start(work.resolve("sshd-throughput"), user) : null;
        Stats sshRate = new Stats();
        Stats sshRatio = new Stats();
        Stats sshReceiverCpu = new Stats();
        try {
            for (int i = 0; i < BULK_REPEATS; i++) {
                if (sshd == null) break;
                Throughput h = sshd.cat(bulk);
                Throughput s = shellThroughput(shell, daemonPid, bulk);
                sshRate.add(h.mbPerSecond());
                sshRatio.add(100 * s.mbPerSecond() / h.mbPerSecond());
                sshReceiverCpu.add(h.receiverCpuPerMb());
                Report.note(String.format(Locale.ROOT, "ssh round %d: ssh -tt %.1f MB/s (CPU ms/MB %.1f receiving, "
                        + "cores %.0f %% busy), shell %.1f MB/s, shell/ssh %.0f %%, load %s", i + 1,
                        h.mbPerSecond(), h.receiverCpuPerMb(), h.machineBusyPercent(),
                        s.mbPerSecond(), sshRatio.last(), Load.average()));
            }
        } finally {
            if (sshd != null) sshd.close();
        }
        for (int i = 0; i < BULK_REPEATS; i++) {
            Throughput s = shellThroughput(shell, daemonPid, bulk);
            Throughput c = RawChannel.throughput(senderCommand(user, senderClasspath), BULK_BYTES);
            shellRate.add(s.mbPerSecond());
            channelRate.add(c.mbPerSecond());
            ratio.add(100 * s.mbPerSecond() / c.mbPerSecond());
            shellCpu.add(s.senderCpuPerMb());
            channelCpu.add(c.senderCpuPerMb());
            shellReceiverCpu.add(s.receiverCpuPerMb());
            channelReceiverCpu.add(c.receiverCpuPerMb());
            shellBusy.add(s.machineBusyPercent());
            channelBusy.add(c.machineBusyPercent());
            Report.note(String.format(Locale.ROOT, "throughput round %d: shell %.1f MB/s (%.0f B/message, CPU ms/MB "
                    + "%.1f sending + %.1f receiving, cores %.0f %% busy), channel %.1f MB/s (%.0f B/message, CPU "
                    + "ms/MB %.1f + %.1f, cores %.0f %% busy), ratio %.0f %%, load %s", i + 1,
                    s.mbPerSecond(), s.averageMessageBytes(), s.senderCpuPerMb(), s.receiverCpuPerMb(),
                    s.machineBusyPercent(), c.mbPerSecond(), c.averageMessageBytes(), c.senderCpuPerMb(),
                    c.receiverCpuPerMb(), c.machineBusyPercent(), ratio.last(), Load.average()));
        }
        Stats ptyRate = new Stats();
        Stats ptyCpu = new Stats();
        for (int i = 0; i < BULK_REPEATS; i++) {
            Throughput p = PtyCeiling.cat(user, bulk, BULK_BYTES);
            ptyRate.add(p.mbPerSecond());
            ptyCpu.add(p.senderCpuPerMb());
        }
        Report.note(String.format(Locale.ROOT, "bare pty (cat read by script(1)): %.1f MB/s, %.1f CPU ms/MB, load %s",
                ptyRate.percentile(50), ptyCpu.percentile(50), Load.average()));
        Files.delete(bulk);
        report.line("shell.throughput", shellRate.percentile(50), "MB/s");
        report.line("channel.throughput", channelRate.percentile(50), "MB/s");
        report.line("shell.throughput.ratio", ratio.percentile(50), "%"); // of the rounds: each pair back to back
        report.line("shell.throughput.cpu", shellCpu.percentile(50), "ms/MB");
        report.line("channel.throughput.cpu", channelCpu.percentile(50), "ms/MB");
        report.line("shell.throughput.receiver_cpu", shellReceiverCpu.percentile(50), "ms/MB");
        report.line("channel.throughput.receiver_cpu", channelReceiverCpu.percentile(50), "ms/MB");
        // near 100: every core was busy, so CPU per MB (sending + receiving + the rest of the machine) set the speed
        report.line("shell.throughput.cores_busy", shellBusy.percentile(50), "%");
        report.line("channel.throughput.cores_busy", channelBusy.percentile(50), "%");
        report.line("pty.throughput", ptyRate.percentile(50), "MB/s"); // the kernel's pty alone, no network
        report.line("pty.throughput.cpu", ptyCpu.percentile(50), "ms/MB");
        if (sshRate.count() > 0) {
            report.line("ssh.throughput", sshRate.percentile(50), "MB/s");
            report.line("shell.throughput.ssh_ratio", sshRatio.percentile(50), "%"); // of rounds, each pair back to back
            report.line("ssh.throughput.receiver_cpu", sshReceiverCpu.percentile(50), "ms/MB");
        }
    }

    private void ssh(Path work, String user) throws Exception {
        try (Sshd sshd = Sshd.start(work.resolve("sshd"), user)) {
            sshd.openNanos(); // warm-up: the first connection pays for loading sshd's libraries
            Stats ssh = new Stats();
            for (int i = 0; i < SSH_OPENS; i++) ssh.addNanos(sshd.openNanos());
            report.line("ssh.open.p50", ssh.percentile(50), "ms");
            report.line("ssh.open.p99", ssh.percentile(99), "ms");
        }
    }

    private void awaitLinked(DeviceProcess device) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!device.alive()) throw new IllegalStateException("the daemon exited; see " + device.log());
            if (!cloud.devices().isEmpty() && cloud.connected(cloud.devices().get(0).id())) {
                deviceId = cloud.devices().get(0).id();
                Report.note("daemon pid " + device.pid() + " linked as " + deviceId);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the daemon did not link within " + WAIT + "; see " + device.log());
    }

    /** Opens a shell and waits for its prompt. */
    private BrowserPeer openShell(BrowserPeer.Ice ice) throws Exception {
        BrowserPeer peer = BrowserPeer.offer(cloud, deviceId, "bench-" + ids.incrementAndGet(), ice)
                .awaitOpen(WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (peer.promptNanos() == 0) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no prompt from the shell");
            Thread.sleep(1);
        }
        return peer;
    }

    /** Offer to prompt (the prompt is what ssh is timed to as well), then closed again. */
    private long openAndClose(BrowserPeer.Ice ice) throws Exception {
        BrowserPeer peer = openShell(ice);
        long nanos = peer.promptNanos();
        closeAndAwait(peer);
        return nanos;
    }

    /** Closes like a browser tab and waits until the device reports the session ended. */
    private void closeAndAwait(BrowserPeer peer) throws Exception {
        peer.close();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (SessionSignal s : cloud.signalsFromDevices()) {
                if (s.sessionId().equals(peer.sessionId()) && s.type().equals(SessionSignal.CLOSED)) return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("session " + peer.sessionId() + " did not end");
    }

    /** A keystroke to its echo, at the shell's prompt (the terminal echoes it); each followed by a rub-out. */
    private Stats echoes(BrowserPeer peer) throws Exception {
        Semaphore echoed = new Semaphore(0);
        byte key = 'a';
        peer.onOutput(data -> {
            for (byte b : data) {
                if (b == key) echoed.release();
            }
        });
        Stats stats = new Stats();
        for (int i = 0; i < ECHOES + 20; i++) {
            long start = System.nanoTime();
            peer.sendBinary(new byte[] {key});
            if (!echoed.tryAcquire(5, TimeUnit.SECONDS)) throw new IllegalStateException("no echo");
            long nanos = System.nanoTime() - start;
            if (i >= 20) stats.addNanos(nanos); // the first ones warm up the path
            peer.sendBinary(new byte[] {0x7f}); // rub it out again (echoed as "\b \b")
            Thread.sleep(2);
        }
        peer.onOutput(null);
        return stats;
    }

    /**
     * {@code cat} of the bulk file (no newlines, so the terminal adds nothing) through the shell: from the first
     * byte of the file's content (after the echo of the typed command line) to its last.
     */
    private Throughput shellThroughput(BrowserPeer peer, long daemonPid, Path file) throws Exception {
        peer.keepText(false);
        String command = "cat " + file + "\n";
        long echo = command.length() + 1; // the terminal echoes the line with "\r\n"
        long before = peer.received();
        AtomicLong first = new AtomicLong();
        AtomicLong messages = new AtomicLong();
        AtomicLong last = new AtomicLong();
        peer.onOutput(data -> {
            long now = System.nanoTime();
            long got = peer.received() - before; // already counts this message
            if (got > echo) {
                if (first.get() == 0) first.set(now);
                messages.incrementAndGet();
            }
            if (got >= echo + BULK_BYTES && last.get() == 0) last.set(now);
        });
        peer.type(command);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        double cpuBefore = -1;
        double receiverBefore = 0;
        MachineCpu.Sample machineBefore = null;
        while (last.get() == 0) {
            if (cpuBefore < 0 && first.get() != 0) {
                cpuBefore = ProcCpu.millisWithChildren(daemonPid);
                receiverBefore = ProcCpu.ownMillis();
                machineBefore = MachineCpu.sample();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cat did not finish: " + (peer.received() - before) + " of "
                        + (echo + BULK_BYTES) + " bytes came");
            }
            Thread.sleep(1);
        }
        double busy = machineBefore == null ? 0 : MachineCpu.sample().busyPercentSince(machineBefore);
        double receiverCpu = ProcCpu.ownMillis() - receiverBefore;
        peer.onOutput(null);
        Thread.sleep(500); // the prompt after cat; the shell has reaped cat by then (its CPU time counts)
        double cpu = ProcCpu.millisWithChildren(daemonPid) - cpuBefore;
        return new Throughput(BULK_BYTES, last.get() - first.get(), messages.get(), cpu, receiverCpu, busy);
    }

    private static Path writeBulkFile(Path file) throws Exception {
        byte[] random = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(random);
        byte[] block = Base64.getEncoder().encode(random); // 4 MiB of printable characters, no newline
        try (var out = Files.newOutputStream(file)) {
            long left = BULK_BYTES;
            while (left > 0) {
                int n = (int) Math.min(left, block.length);
                out.write(block, 0, n);
                left -= n;
            }
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private static List<String> senderCommand(String user, String classpath) {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups",
                "env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin", "java"));
        cmd.addAll(List.of(DAEMON_JVM.split(" ")));
        cmd.addAll(List.of("-cp", classpath, RawChannelPeer.class.getName(), Long.toString(BULK_BYTES),
                Integer.toString(CHUNK)));
        return cmd;
    }
}
