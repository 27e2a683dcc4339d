package org.openrpiconnect.daemon.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A device behind a NAT router, made of two network namespaces for one test: "device" (10.231.N+1.2, default route
 * via the router) and "router" (10.231.N+1.1 towards the device, 10.231.N.2 towards this machine, nftables
 * masquerade on that uplink). This machine keeps 10.231.N.1 on its end of the uplink, so a server listening there
 * sees the device's packets from the router's address, as a STUN server on the internet would. N is random, the
 * names carry a random suffix; {@link #close()} deletes both namespaces (and with them every link). Needs root,
 * iproute2 and nftables (scripts/setup-test-env installs nftables).
 */
public final class NatNetwork implements AutoCloseable {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    private final String device;
    private final String router;
    private final int subnet;

    private NatNetwork(String suffix, int subnet) {
        this.device = "rpcdev" + suffix;
        this.router = "rpcnat" + suffix;
        this.subnet = subnet;
    }

    public static NatNetwork create() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/nft"))) {
            throw new AssertionError("/usr/sbin/nft is missing: install nftables (scripts/setup-test-env does)");
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        NatNetwork net = new NatNetwork(Integer.toString(random.nextInt(100_000)), 2 * random.nextInt(100, 127));
        try {
            net.build();
        } catch (Exception | AssertionError e) {
            net.close();
            throw e;
        }
        return net;
    }

    /** This machine's address on the uplink: where a "public" server listens. */
    public String serverAddress() {
        return "10.231." + subnet + ".1";
    }

    /** The router's uplink address: what a server sees as the device's address. */
    public String publicAddress() {
        return "10.231." + subnet + ".2";
    }

    /** The device's own address behind the NAT. */
    public String deviceAddress() {
        return "10.231." + (subnet + 1) + ".2";
    }

    /** {@code command} run in the device's namespace, as {@code ip netns exec}. */
    public List<String> inDevice(List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", device));
        cmd.addAll(command);
        return cmd;
    }

    private void build() throws Exception {
        String uplinkHere = "rpcup" + subnet + "h";
        String uplinkRouter = "rpcup" + subnet + "r";
        String lanRouter = "rpclan" + subnet + "r";
        String lanDevice = "rpclan" + subnet + "d";
        String lan = "10.231." + (subnet + 1);
        run("ip", "netns", "add", device);
        run("ip", "netns", "add", router);
        run("ip", "link", "add", uplinkHere, "type", "veth", "peer", "name", uplinkRouter, "netns", router);
        run("ip", "link", "add", lanRouter, "netns", router, "type", "veth", "peer", "name", lanDevice, "netns", device);
        run("ip", "addr", "add", serverAddress() + "/24", "dev", uplinkHere);
        run("ip", "link", "set", uplinkHere, "up");
        run("ip", "-n", router, "addr", "add", publicAddress() + "/24", "dev", uplinkRouter);
        run("ip", "-n", router, "addr", "add", lan + ".1/24", "dev", lanRouter);
        run("ip", "-n", router, "link", "set", uplinkRouter, "up");
        run("ip", "-n", router, "link", "set", lanRouter, "up");
        run("ip", "-n", device, "addr", "add", deviceAddress() + "/24", "dev", lanDevice);
        run("ip", "-n", device, "link", "set", lanDevice, "up");
        run("ip", "-n", device, "link", "set", "lo", "up");
        run("ip", "-n", device, "route", "add", "default", "via", lan + ".1");
        run("ip", "netns", "exec", router, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        run("ip", "netns", "exec", router, "nft", "add", "table", "ip", "nat");
        run("ip", "netns", "exec", router, "nft", "add", "chain", "ip", "nat", "post",
                "{ type nat hook postrouting priority 100 ; }");
        run("ip", "netns", "exec", router, "nft", "add", "rule", "ip", "nat", "post", "oifname", uplinkRouter,
                "masquerade");
    }

    @Override
    public void close() {
        // deleting a namespace deletes its veth ends, and with them their peers here
        for (String ns : List.of(device, router)) {
            try {
                run("ip", "netns", "del", ns);
            } catch (Exception | AssertionError e) {
                System.err.println("NatNetwork: cannot delete namespace " + ns + ": " + e.getMessage());
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new AssertionError(String.join(" ", command) + " failed: " + out.strip());
    }
}
