package org.openrpiconnect.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.DaemonHarness;
import org.openrpiconnect.daemon.testing.FakeCloud;
import org.openrpiconnect.daemon.testing.FakeSysroot;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.SignInParams;
import org.openrpiconnect.protocol.local.StatusResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

/** A linked device over time: events, sign-out from either side, restarts, a moved SD card. */
@Timeout(90)
class LinkLifecycleTest {
    private static final String REMOVED = "This device was removed from your Connect account. Run rpi-connect "
            + "signin to link it again.";
    private static final String SERIAL_MOVED = "The board serial number no longer matches the one this device was "
            + "linked with (SD card moved to another board?). Run rpi-connect signin to link this board.";

    @TempDir
    Path tmp;

    private FakeCloud cloud;
    private DaemonHarness daemon;
    private String deviceId;

    @BeforeEach
    void linked() throws Exception {
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url()).start();
        cloud.addAuthKey("rpuak_setup");
        assertTrue(daemon.call(LocalMethod.SIGNIN, new SignInParams("rpuak_setup")).ok());
        deviceId = cloud.devices().get(0).id();
        eventually(Duration.ofSeconds(10), "subscribed", () -> daemon.status().subscribed());
    }

    @AfterEach
    void tearDown() {
        daemon.close();
        cloud.close();
    }

    private boolean credentialOnDisk() {
        return Files.exists(daemon.stateDir().resolve("state.json"))
                || Files.exists(daemon.stateDir().resolve("device-key.pem"));
    }

    @Test
    void signout_tells_the_cloud_deletes_credential_and_key_and_closes_the_event_socket() throws Exception {
        StatusResult after = daemon.result(LocalMethod.SIGNOUT, null, StatusResult.class);

        assertFalse(after.signedIn());
        assertFalse(after.subscribed());
        assertNull(after.problem());
        assertEquals(java.util.List.of(deviceId), cloud.signedOut());
        assertFalse(credentialOnDisk());
        eventually(Duration.ofSeconds(5), "socket closed", () -> !cloud.connected(deviceId));
    }

    @Test
    void signout_while_the_cloud_is_unreachable_still_signs_out_here() throws Exception {
        cloud.close();

        assertTrue(daemon.call(LocalMethod.SIGNOUT, null).ok());

        assertFalse(daemon.status().signedIn());
        assertFalse(credentialOnDisk());
    }

    @Test
    void signout_when_signed_out_is_refused_with_a_hint() throws Exception {
        daemon.call(LocalMethod.SIGNOUT, null);
        var r = daemon.call(LocalMethod.SIGNOUT, null);
        assertEquals(LocalErrorCode.NOT_SIGNED_IN, r.error().code());
        assertTrue(r.error().message().contains("rpi-connect signin"));
    }

    @Test
    void removal_in_the_cloud_signs_the_device_out_within_five_seconds() throws Exception {
        cloud.remove(deviceId);

        eventually(Duration.ofSeconds(5), "signed out", () -> !daemon.status().signedIn());
        StatusResult status = daemon.status();
        assertEquals(REMOVED, status.problem());
        assertFalse(status.subscribed());
        assertFalse(credentialOnDisk());
    }

    @Test
    void rename_in_the_cloud_updates_the_name_in_status_and_on_disk() throws Exception {
        cloud.rename(deviceId, "shed-pi");

        eventually(Duration.ofSeconds(5), "renamed", () -> "shed-pi".equals(daemon.status().deviceName()));
        assertTrue(Files.readString(daemon.stateDir().resolve("state.json")).contains("\"device_name\":\"shed-pi\""));
    }

    @Test
    void restart_restores_the_link_and_subscribes_again() throws Exception {
        daemon.restart();

        StatusResult status = daemon.status();
        assertTrue(status.signedIn());
        assertEquals("testpi", status.deviceName());
        eventually(Duration.ofSeconds(10), "subscribed", () -> daemon.status().subscribed());
    }

    @Test
    void device_forgotten_while_offline_is_signed_out_when_the_event_upgrade_is_refused() throws Exception {
        cloud.forget(deviceId);
        cloud.dropConnections(deviceId);

        eventually(Duration.ofSeconds(10), "signed out", () -> !daemon.status().signedIn());
        assertEquals(REMOVED, daemon.status().problem());
        assertFalse(credentialOnDisk());
    }

    @Test
    void serial_mismatch_reported_by_the_cloud_signs_out_with_the_sd_card_hint() throws Exception {
        cloud.expectSerial(deviceId, "10000000ffffffff");
        cloud.dropConnections(deviceId);

        eventually(Duration.ofSeconds(10), "signed out", () -> !daemon.status().signedIn());
        assertEquals(SERIAL_MOVED, daemon.status().problem());
        assertFalse(credentialOnDisk());
    }

    @Test
    void sd_card_moved_to_another_board_signs_out_at_start() throws Exception {
        daemon.stop();
        FakeSysroot.pi4(daemon.sysroot(), "1000000000000bad");

        daemon.start();

        StatusResult status = daemon.status();
        assertFalse(status.signedIn());
        assertEquals(SERIAL_MOVED, status.problem());
        assertFalse(credentialOnDisk());
        eventually(Duration.ofSeconds(5), "the cloud learnt of the move", () -> cloud.device(deviceId) == null);
    }

    @Test
    void event_socket_reconnects_after_the_cloud_restarts() throws Exception {
        cloud = cloud.restart();

        eventually(Duration.ofSeconds(15), "subscribed again", () -> cloud.connected(deviceId)
                && daemon.status().subscribed());
        assertTrue(daemon.status().signedIn());
    }

    @Test
    void subscribed_turns_false_while_the_cloud_is_down() throws Exception {
        cloud.close();
        eventually(Duration.ofSeconds(5), "unsubscribed", () -> !daemon.status().subscribed());
        assertTrue(daemon.status().signedIn(), "an outage does not sign out");
    }
}
