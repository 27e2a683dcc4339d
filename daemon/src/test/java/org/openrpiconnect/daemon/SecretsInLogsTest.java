package org.openrpiconnect.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.DaemonHarness;
import org.openrpiconnect.daemon.testing.FakeCloud;
import org.openrpiconnect.daemon.testing.LogCapture;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.SignInParams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

@Timeout(60)
class SecretsInLogsTest {
    @TempDir
    Path tmp;

    @Test
    void no_log_line_carries_an_auth_key_a_device_code_or_the_private_key() throws Exception {
        try (LogCapture logs = new LogCapture(); FakeCloud cloud = FakeCloud.start();
             DaemonHarness daemon = new DaemonHarness(tmp, cloud.url()).start()) {
            // a rejected key from the CLI, a rejected key file, a device-code sign-in, an accepted key
            cloud.markAuthKey("rpuak_rejected_secret", DeviceErrorCode.AUTH_KEY_EXPIRED);
            daemon.call(LocalMethod.SIGNIN, new SignInParams("rpuak_rejected_secret"));
            Files.writeString(daemon.stateDir().resolve("auth.key"), "rpuak_rejected_secret");
            eventually(Duration.ofSeconds(5), "file rejected", () -> daemon.status().problem() != null);
            daemon.call(LocalMethod.SIGNIN, new SignInParams(null));
            daemon.call(LocalMethod.SIGNOUT, null);
            cloud.addAuthKey("rpuak_good_secret");
            daemon.call(LocalMethod.SIGNIN, new SignInParams("rpuak_good_secret"));
            eventually(Duration.ofSeconds(10), "subscribed", () -> daemon.status().subscribed());
            String keyPem = Files.readString(daemon.stateDir().resolve("device-key.pem"));
            String keyBody = keyPem.lines().skip(1).findFirst().orElseThrow();

            List<String> lines = logs.lines();

            assertTrue(lines.stream().anyMatch(l -> l.contains("Signed in as testpi")), "logs were captured");
            for (String line : lines) {
                assertFalse(line.contains("rpuak_"), line);
                assertFalse(line.contains("secret-device-code"), line);
                assertFalse(line.contains(keyBody), line);
            }
        }
    }
}
