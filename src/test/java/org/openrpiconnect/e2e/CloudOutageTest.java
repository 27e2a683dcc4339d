package org.openrpiconnect.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openrpiconnect.e2e.harness.CloudProcess;
import org.openrpiconnect.e2e.harness.DeviceUser;
import org.openrpiconnect.e2e.harness.Devices;
import org.openrpiconnect.e2e.harness.E2eLogs;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.StatusOutput;
import org.openrpiconnect.e2e.harness.Waits;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A cloud outage is not a sign-out: the daemon shows it is unsubscribed, then reconnects by itself. */
class CloudOutageTest {
    /** Reconnect backoff is capped at 30 s (DESIGN); the margin covers jitter and the cloud's start-up. */
    private static final Duration RESUBSCRIBE = Duration.ofSeconds(30 + 20);
    private static CloudProcess cloud;
    private Devices devices;

    @BeforeAll
    static void startCloud() {
        cloud = CloudProcess.start(E2eLogs.forClass(CloudOutageTest.class));
    }

    @AfterAll
    static void stopCloud() {
        if (cloud != null) cloud.close();
    }

    @BeforeEach
    void setUp(TestInfo test) {
        devices = new Devices(cloud, E2eLogs.forTest(test));
    }

    @AfterEach
    void tearDown() {
        devices.close();
    }

    @Test
    void daemon_resubscribes_after_the_cloud_restarts_on_the_same_port() {
        DeviceUser device = devices.create("outage");
        Fixtures.linkWithAuthKey(cloud, device, Fixtures.uniqueName("patient-pi"));
        int port = cloud.port();

        cloud.stop();

        StatusOutput down = device.awaitStatus("unsubscribed while the cloud is down", Duration.ofSeconds(20),
                StatusOutput::unsubscribed);
        assertEquals(StatusOutput.SIGNED_IN_YES, down.statusLines().get(0), "an outage must not sign out: " + down);
        Waits.sleep(Duration.ofSeconds(8)); // several failed reconnects, so the backoff has grown
        assertEquals(StatusOutput.SIGNED_IN_YES, device.status().statusLines().get(0));

        cloud.restart();

        assertEquals(port, cloud.port(), "the cloud must come back on the same port");
        device.awaitStatus("subscribed again after the cloud restarted", RESUBSCRIBE, StatusOutput::healthy);
    }
}
