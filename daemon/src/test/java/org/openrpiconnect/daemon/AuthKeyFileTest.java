package org.openrpiconnect.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.DaemonHarness;
import org.openrpiconnect.daemon.testing.FakeCloud;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.SignInParams;
import org.openrpiconnect.protocol.local.StatusResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

/** The auth.key file in the state directory, as Imager or a provisioning script leaves it. */
@Timeout(60)
class AuthKeyFileTest {
    @TempDir
    Path tmp;

    private FakeCloud cloud;
    private DaemonHarness daemon;

    @AfterEach
    void tearDown() {
        if (daemon != null) daemon.close();
        if (cloud != null) cloud.close();
    }

    private Path authKeyFile() {
        return daemon.stateDir().resolve("auth.key");
    }

    /** Writes the file as a provisioning script would have, a while ago. */
    private void provision(String key) throws Exception {
        Files.createDirectories(daemon.stateDir());
        Files.writeString(authKeyFile(), key + "\n");
        Files.setLastModifiedTime(authKeyFile(), FileTime.from(Instant.now().minusSeconds(60)));
    }

    private List<String> stateDirNames() throws Exception {
        try (Stream<Path> files = Files.list(daemon.stateDir())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void auth_key_file_found_at_start_is_used_and_deleted() throws Exception {
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url());
        cloud.addAuthKey("rpuak_imager");
        provision("rpuak_imager");

        daemon.start();

        eventually(Duration.ofSeconds(5), "signed in", () -> daemon.status().signedIn());
        eventually(Duration.ofSeconds(5), "file deleted", () -> !Files.exists(authKeyFile()));
        assertEquals(1, cloud.devices().size());
    }

    @Test
    void auth_key_file_written_while_running_is_picked_up() throws Exception {
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url()).start();
        cloud.addAuthKey("rpuak_later");

        Files.writeString(authKeyFile(), "rpuak_later");

        eventually(Duration.ofSeconds(5), "signed in", () -> daemon.status().signedIn());
        assertFalse(Files.exists(authKeyFile()));
    }

    @Test
    void rejected_auth_key_file_is_renamed_not_lost_and_status_says_what_to_do() throws Exception {
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url());
        cloud.markAuthKey("rpuak_stale", DeviceErrorCode.AUTH_KEY_EXPIRED);
        provision("rpuak_stale");

        daemon.start();

        eventually(Duration.ofSeconds(5), "file renamed", () -> !Files.exists(authKeyFile()));
        List<String> names = stateDirNames();
        String aside = names.stream().filter(n -> n.startsWith("auth.key.rejected-")).findFirst()
                .orElseThrow(() -> new AssertionError("no rejected file in " + names));
        assertEquals("rpuak_stale\n", Files.readString(daemon.stateDir().resolve(aside)));
        StatusResult status = daemon.status();
        assertFalse(status.signedIn());
        assertTrue(status.problem().contains("was rejected by Raspberry Pi Connect: This auth key has expired."),
                status.problem());
        assertTrue(status.problem().contains(aside), status.problem());
        Thread.sleep(1500);
        assertEquals(1, cloud.authKeyRequests(), "a rejected key is tried once");
    }

    @Test
    void auth_key_file_is_kept_while_the_cloud_is_unreachable_and_used_once_it_is_back() throws Exception {
        int port = FakeCloud.freePort();
        daemon = new DaemonHarness(tmp, "http://127.0.0.1:" + port);
        provision("rpuak_patient");
        daemon.start();

        eventually(Duration.ofSeconds(5), "waiting problem", () -> daemon.status().problem() != null);
        assertTrue(daemon.status().problem().contains("Retrying automatically"), daemon.status().problem());
        assertTrue(Files.exists(authKeyFile()));

        cloud = FakeCloud.start(port);
        cloud.addAuthKey("rpuak_patient");

        eventually(Duration.ofSeconds(40), "signed in", () -> daemon.status().signedIn());
        assertFalse(Files.exists(authKeyFile()));
        eventually(Duration.ofSeconds(2), "problem cleared", () -> daemon.status().problem() == null);
    }

    @Test
    void auth_key_file_is_left_alone_when_already_signed_in_and_status_mentions_it() throws Exception {
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url()).start();
        cloud.addAuthKey("rpuak_first");
        cloud.addAuthKey("rpuak_spare");
        daemon.call(LocalMethod.SIGNIN, new SignInParams("rpuak_first"));

        provision("rpuak_spare");

        eventually(Duration.ofSeconds(5), "mentioned", () -> daemon.status().problem() != null);
        assertTrue(daemon.status().problem().contains("already signed in as testpi"), daemon.status().problem());
        assertTrue(Files.exists(authKeyFile()));
        assertEquals(1, cloud.authKeyRequests());
    }

    @Test
    void the_auth_key_never_appears_in_status() throws Exception {
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url());
        cloud.markAuthKey("rpuak_secret_value", DeviceErrorCode.AUTH_KEY_USED);
        provision("rpuak_secret_value");
        daemon.start();

        eventually(Duration.ofSeconds(5), "rejected", () -> daemon.status().problem() != null);
        assertFalse(daemon.status().problem().contains("rpuak_secret_value"));
    }
}
