package org.openrpiconnect.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.DaemonHarness;
import org.openrpiconnect.daemon.testing.FakeCloud;
import org.openrpiconnect.protocol.local.DoctorResult;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.SignInParams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

@Timeout(60)
class DoctorTest {
    @TempDir
    Path tmp;

    private FakeCloud cloud;
    private DaemonHarness daemon;

    @AfterEach
    void tearDown() {
        if (daemon != null) daemon.close();
        if (cloud != null) cloud.close();
    }

    private DoctorResult doctor() throws Exception {
        return daemon.result(LocalMethod.DOCTOR, null, DoctorResult.class);
    }

    @Test
    void signed_in_device_with_the_cloud_up_passes_the_cloud_checks_in_the_documented_order() throws Exception {
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url()).start();
        cloud.addAuthKey("rpuak_x");
        daemon.call(LocalMethod.SIGNIN, new SignInParams("rpuak_x"));

        DoctorResult result = doctor();

        // the candidate checks against real servers: DoctorCandidatesTest
        assertEquals(List.of(DoctorResult.WEBSOCKET, DoctorResult.API, DoctorResult.AUTHENTICATION,
                DoctorResult.STUN, DoctorResult.TURN), result.checks().stream().map(DoctorResult.Check::name).toList());
        result.checks().subList(0, 3).forEach(c -> {
            assertTrue(c.ok(), c.toString());
            assertNull(c.hint());
        });
    }

    @Test
    void signed_out_device_reaches_the_cloud_but_fails_authentication_and_the_candidate_checks_with_the_signin_hint() throws Exception {
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url()).start();

        List<DoctorResult.Check> checks = doctor().checks();

        assertTrue(checks.get(0).ok(), "a 401 answer to the upgrade still proves communication");
        assertTrue(checks.get(1).ok());
        for (DoctorResult.Check signedCall : checks.subList(2, 5)) {
            assertFalse(signedCall.ok(), signedCall.name());
            assertEquals("Sign in with rpi-connect signin", signedCall.hint(), signedCall.name());
        }
    }

    @Test
    void unreachable_cloud_fails_each_check_with_the_network_hint() throws Exception {
        String url = "http://127.0.0.1:" + FakeCloud.freePort();
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url()).start();
        cloud.addAuthKey("rpuak_x");
        daemon.call(LocalMethod.SIGNIN, new SignInParams("rpuak_x"));
        daemon.stop();
        daemon.env().put("RPI_CONNECT_CLOUD_URL", url);
        daemon.start();

        long start = System.nanoTime();
        List<DoctorResult.Check> checks = doctor().checks();

        String hint = "Check your network connection and that " + url + " is reachable";
        checks.forEach(c -> {
            assertFalse(c.ok(), c.name());
            assertEquals(hint, c.hint(), c.name());
        });
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "short timeouts");
        assertTrue(daemon.status().signedIn(), "an unreachable cloud does not sign out");
    }

    @Test
    void device_removed_in_the_cloud_fails_authentication_and_is_signed_out() throws Exception {
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url()).start();
        cloud.addAuthKey("rpuak_x");
        daemon.call(LocalMethod.SIGNIN, new SignInParams("rpuak_x"));
        // Once subscribed, the event socket stays open: the doctor's check is the first to hear of the removal.
        eventually(Duration.ofSeconds(10), "subscribed", () -> daemon.status().subscribed());
        cloud.forget(cloud.devices().get(0).id());

        DoctorResult.Check auth = doctor().checks().get(2);

        assertFalse(auth.ok());
        assertTrue(auth.hint().startsWith("This device was removed from your Connect account."), auth.hint());
        assertFalse(daemon.status().signedIn());
    }
}
