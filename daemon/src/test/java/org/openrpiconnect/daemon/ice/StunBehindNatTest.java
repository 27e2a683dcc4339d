package org.openrpiconnect.daemon.ice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.Coturn;
import org.openrpiconnect.daemon.testing.NatNetwork;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The STUN check's first rule on a real NAT: a device in a network namespace behind an nftables masquerade gathers
 * against a real coturn on this machine, gets a real server-reflexive candidate (the router's address), and passes
 * on it; a STUN port nobody answers on fails. (On this machine's own network there is no NAT, so the other tests
 * exercise the completion rule instead.)
 */
@Timeout(120)
class StunBehindNatTest {
    private static final long GATHER_MS = PeerToPeerChecks.GATHER_TIMEOUT.toMillis();

    @TempDir
    static Path tmp;
    private static NatNetwork nat;
    private static Coturn stun;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "network namespaces need root (tests run as root)");
        nat = NatNetwork.create();
        stun = Coturn.start(tmp.resolve("turn"), nat.serverAddress());
    }

    @AfterAll
    static void stop() {
        if (stun != null) stun.close();
        if (nat != null) nat.close();
    }

    @Test
    void stun_check_passes_on_the_server_reflexive_candidate_a_real_nat_gives() throws Exception {
        String verdict = gatherBehindNat(stun.stunUrl());

        assertEquals(GatherInNamespace.OK + "server-reflexive candidate " + nat.publicAddress() + " from "
                + nat.serverAddress() + ":" + stun.port(), verdict);
    }

    @Test
    void stun_check_fails_behind_the_nat_when_the_server_does_not_answer() throws Exception {
        int silent = Coturn.freeUdpPort();

        String verdict = gatherBehindNat("stun:" + nat.serverAddress() + ":" + silent);

        assertTrue(verdict.startsWith(GatherInNamespace.FAIL + "The STUN server " + nat.serverAddress() + ":" + silent
                + " did not answer within"), verdict);
    }

    /** A JVM in the device's namespace runs the check and prints its verdict. */
    private static String gatherBehindNat(String stunUrl) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, GatherInNamespace.class.getName(), stunUrl, Long.toString(GATHER_MS)));
        Process p = new ProcessBuilder(nat.inDevice(java)).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the gathering in the namespace did not end");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> l.startsWith(GatherInNamespace.OK) || l.startsWith(GatherInNamespace.FAIL))
                .findFirst().orElseThrow(() -> new AssertionError("no verdict from the namespace:\n" + out));
    }
}
