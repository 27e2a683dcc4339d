package org.openrpiconnect.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openrpiconnect.cli.ExitCodes;
import org.openrpiconnect.e2e.harness.CloudProcess;
import org.openrpiconnect.e2e.harness.Coturn;
import org.openrpiconnect.e2e.harness.DeviceRow;
import org.openrpiconnect.e2e.harness.DeviceUser;
import org.openrpiconnect.e2e.harness.Devices;
import org.openrpiconnect.e2e.harness.E2eLogs;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.ProcessResult;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rpi-connect doctor}'s "Peer-to-peer connection candidate via STUN" and "... via TURN" (seed 000, "Networking
 * and firewall issues"): the real cloud lists a real coturn as its STUN and TURN server ({@code --stun-url},
 * {@code --turn-url}, {@code --turn-secret-file}); a linked daemon running as the test user gathers candidates
 * against it with the credentials the cloud issued.
 */
class PeerToPeerDoctorTest {
    private static final String STUN_LINE = "Peer-to-peer connection candidate via STUN";
    private static final String TURN_LINE = "Peer-to-peer connection candidate via TURN";

    private static Path logs;
    private static Coturn turn;
    private static CloudProcess cloud;
    private Path testLogs;
    private Devices devices;
    private CloudProcess turnDownCloud;

    @BeforeAll
    static void start() {
        logs = E2eLogs.forClass(PeerToPeerDoctorTest.class);
        turn = Coturn.start(logs);
        cloud = CloudProcess.start(logs, List.of("--stun-url", turn.stunUrl(), "--turn-url", turn.url(),
                "--turn-secret-file", turn.secretFile().toString()));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) cloud.close();
        if (turn != null) turn.close();
    }

    @BeforeEach
    void setUp(TestInfo test) {
        testLogs = E2eLogs.forTest(test);
    }

    @AfterEach
    void tearDown() {
        if (devices != null) devices.close();
        if (turnDownCloud != null) turnDownCloud.close();
    }

    @Test
    void doctor_ticks_stun_and_turn_when_the_clouds_coturn_answers() {
        devices = new Devices(cloud, testLogs);
        DeviceUser device = devices.create("p2p-ok");
        DeviceRow row = Fixtures.linkWithAuthKey(cloud, device, Fixtures.uniqueName("p2p-pi"));

        ProcessResult doctor = device.cli("doctor");

        assertEquals(ExitCodes.OK, doctor.exitCode(), doctor::toString);
        assertEquals(List.of(
                "✓ Communication with Raspberry Pi Connect WebSocket server",
                "✓ Communication with Raspberry Pi Connect API",
                "✓ Authentication with Raspberry Pi Connect API",
                "✓ " + STUN_LINE,
                "✓ " + TURN_LINE), doctor.stdout().lines().toList(), doctor::toString);
        assertTrue(turn.log().contains(":" + row.id()), "coturn saw no allocation with the device's credential:\n"
                + turn.log());
    }

    @Test
    void doctor_crosses_turn_with_a_hint_and_fails_when_the_turn_server_does_not_answer() {
        int silent = Coturn.freeUdpPort();
        turnDownCloud = CloudProcess.start(testLogs, List.of("--stun-url", turn.stunUrl(),
                "--turn-url", "turn:127.0.0.1:" + silent + "?transport=udp",
                "--turn-secret-file", turn.secretFile().toString()));
        devices = new Devices(turnDownCloud, testLogs);
        DeviceUser device = devices.create("p2p-turn-down");
        Fixtures.linkWithAuthKey(turnDownCloud, device, Fixtures.uniqueName("p2p-pi"));

        ProcessResult doctor = device.cli("doctor");

        assertEquals(ExitCodes.FAILED, doctor.exitCode(), doctor::toString);
        List<String> lines = doctor.stdout().lines().toList();
        assertEquals(List.of(
                "✓ " + STUN_LINE,
                "✗ " + TURN_LINE + " - The TURN server 127.0.0.1:" + silent + " did not answer within 4 s. Ask your "
                        + "network administrator to allow requests to it on UDP port " + silent,
                "✗ Some checks failed"), lines.subList(3, lines.size()), doctor::toString);
    }
}
