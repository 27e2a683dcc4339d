package org.openrpiconnect.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openrpiconnect.e2e.harness.CloudPerClass;
import org.openrpiconnect.e2e.harness.DeviceUser;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.StatusOutput;
import org.openrpiconnect.e2e.harness.Waits;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A cloud outage is not a sign-out: the daemon shows it is unsubscribed, then reconnects by itself. */
class CloudOutageTest {
    /** Reconnect backoff is capped at 30 s (DESIGN); the margin covers jitter and the cloud's start-up. */
    private static final Duration RESUBSCRIBE = Duration.ofSeconds(30 + 20);
    @RegisterExtension
    static final CloudPerClass shared = new CloudPerClass();

    @Test
    void daemon_resubscribes_after_the_cloud_restarts_on_the_same_port() {
        DeviceUser device = shared.devices().create("outage");
        Fixtures.linkWithAuthKey(shared.cloud(), device, Fixtures.uniqueName("patient-pi"));
        int port = shared.cloud().port();

        shared.cloud().stop();

        StatusOutput down = device.awaitStatus("unsubscribed while the cloud is down", Duration.ofSeconds(20),
                StatusOutput::unsubscribed);
        assertEquals(StatusOutput.SIGNED_IN_YES, down.statusLines().get(0), "an outage must not sign out: " + down);
        Waits.sleep(Duration.ofSeconds(8)); // several failed reconnects, so the backoff has grown
        assertEquals(StatusOutput.SIGNED_IN_YES, device.status().statusLines().get(0));

        shared.cloud().restart();

        assertEquals(port, shared.cloud().port(), "the cloud must come back on the same port");
        device.awaitStatus("subscribed again after the cloud restarted", RESUBSCRIBE, StatusOutput::healthy);
    }
}
