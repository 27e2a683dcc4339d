package org.openrpiconnect.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openrpiconnect.e2e.harness.CloudPerClass;
import org.openrpiconnect.e2e.harness.DeviceRow;
import org.openrpiconnect.e2e.harness.DeviceUser;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.StatusOutput;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cloud can end a device's link: when the board's serial number no longer matches (seed 000: "Moving your SD
 * card between devices signs you out") and when the device is removed in the cloud.
 */
class DeviceSignOutTest {
    @RegisterExtension
    static final CloudPerClass shared = new CloudPerClass();

    @Test
    void moving_the_sd_card_to_a_board_with_another_serial_signs_the_device_out() {
        DeviceUser device = shared.devices().create("sdcard");
        Fixtures.linkWithAuthKey(shared.cloud(), device, Fixtures.uniqueName("moved-pi"));
        device.stopDaemon();

        device.moveToNewBoard("other-board");
        device.startDaemon();

        StatusOutput status = device.awaitStatus("signed out on the other board", Duration.ofSeconds(30),
                s -> s.signedOut() && !s.problem().isEmpty());
        assertTrue(status.problem().toLowerCase().contains("serial"),
                "the problem should name the serial number: " + status);
    }

    @Test
    void device_removed_in_the_cloud_is_signed_out_within_five_seconds() {
        DeviceUser device = shared.devices().create("removed");
        DeviceRow row = Fixtures.linkWithAuthKey(shared.cloud(), device, Fixtures.uniqueName("doomed-pi"));

        shared.cloud().accounts().removeDevice(row.id());

        StatusOutput status = device.awaitStatus("signed out after the removal", Duration.ofSeconds(5),
                s -> s.signedOut());
        assertFalse(status.problem().isEmpty(), "status should say the device was removed: " + status);
        assertTrue(shared.cloud().accounts().devices().stream().noneMatch(d -> d.id().equals(row.id())),
                "the removed device must be gone from the list");
    }
}
