package org.openrpiconnect.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.LinkedDaemon;
import org.openrpiconnect.protocol.device.DeviceStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

/** The dashboard crosses out what the device disallows: the device reports its settings to the cloud. */
@Timeout(60)
class SettingsReportTest {
    @TempDir
    Path tmp;

    @Test
    void the_device_reports_its_settings_on_each_connection_and_after_each_change() throws Exception {
        try (LinkedDaemon device = LinkedDaemon.start(tmp)) {
            eventually(Duration.ofSeconds(5), "first report", () -> !device.cloud.statusReports().isEmpty());
            assertEquals(DeviceStatus.of(true, true), last(device.cloud.statusReports()));

            device.shell(false);
            eventually(Duration.ofSeconds(5), "shell off reported",
                    () -> last(device.cloud.statusReports()).equals(DeviceStatus.of(false, true)));

            int before = device.cloud.statusReports().size();
            device.cloud.dropConnections(device.deviceId);
            eventually(Duration.ofSeconds(15), "reported again after reconnecting",
                    () -> device.cloud.statusReports().size() > before);
            assertEquals(DeviceStatus.of(false, true), last(device.cloud.statusReports()));
        }
    }

    private static DeviceStatus last(List<DeviceStatus> reports) {
        return reports.get(reports.size() - 1);
    }
}
