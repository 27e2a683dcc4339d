package org.openrpiconnect.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.DaemonHarness;
import org.openrpiconnect.daemon.testing.FakeCloud;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.RequestSignature;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.LocalResponse;
import org.openrpiconnect.protocol.local.SignInParams;
import org.openrpiconnect.protocol.local.SignInResult;
import org.openrpiconnect.protocol.local.StatusResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

@Timeout(60)
class AuthKeySignInTest {
    @TempDir
    Path tmp;

    private FakeCloud cloud;
    private DaemonHarness daemon;

    @BeforeEach
    void setUp() throws Exception {
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url()).start();
    }

    @AfterEach
    void tearDown() {
        daemon.close();
        cloud.close();
    }

    private LocalResponse signIn(String key) throws Exception {
        return daemon.call(LocalMethod.SIGNIN, new SignInParams(key));
    }

    @Test
    void auth_key_links_the_device_saves_a_private_credential_and_subscribes() throws Exception {
        cloud.addAuthKey("rpuak_good");

        SignInResult result = Json.read(signIn("rpuak_good").result(), SignInResult.class);

        assertEquals(SignInResult.SIGNED_IN, result.state());
        assertEquals("testpi", result.deviceName());
        FakeCloud.Device device = cloud.devices().get(0);
        assertEquals(DaemonHarness.SERIAL, device.serial());
        assertEquals("Raspberry Pi 4B", device.facts().board().model());
        assertEquals("4 GB", device.facts().board().memory());
        assertEquals("Raspberry Pi OS", device.facts().os().name());
        assertEquals("aarch64", device.facts().kernelArchitecture());

        // The key on disk is the one whose public half the cloud holds.
        Path keyFile = daemon.stateDir().resolve("device-key.pem");
        PrivateKey saved = DeviceKeys.parsePrivateKey(Files.readString(keyFile));
        String canonical = "check";
        assertTrue(RequestSignature.verify(device.key(), canonical, RequestSignature.sign(saved, canonical)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertTrue(Files.readString(daemon.stateDir().resolve("state.json")).contains(device.id()));

        eventually(Duration.ofSeconds(10), "subscribed", () -> daemon.status().subscribed());
        StatusResult status = daemon.status();
        assertTrue(status.signedIn());
        assertEquals("testpi", status.deviceName());
        assertNull(status.problem());
        assertTrue(cloud.connected(device.id()));
    }

    @Test
    void used_auth_key_is_rejected_with_the_clouds_message_and_creates_no_device() throws Exception {
        cloud.markAuthKey("rpuak_used", DeviceErrorCode.AUTH_KEY_USED);

        LocalResponse r = signIn("rpuak_used");

        assertEquals(LocalErrorCode.AUTH_KEY_REJECTED, r.error().code());
        assertEquals("This auth key was used already.", r.error().message());
        assertTrue(cloud.devices().isEmpty());
        assertFalse(daemon.status().signedIn());
        assertFalse(Files.exists(daemon.stateDir().resolve("state.json")));
        assertFalse(Files.exists(daemon.stateDir().resolve("device-key.pem")));
    }

    @Test
    void reused_auth_key_is_rejected_and_creates_no_second_device() throws Exception {
        cloud.addAuthKey("rpuak_once");
        assertTrue(signIn("rpuak_once").ok());
        assertTrue(daemon.call(LocalMethod.SIGNOUT, null).ok());

        LocalResponse again = signIn("rpuak_once");

        assertEquals(LocalErrorCode.AUTH_KEY_REJECTED, again.error().code());
        assertTrue(cloud.devices().isEmpty(), "the first device signed out, no new one was made");
        assertFalse(daemon.status().signedIn());
    }

    @Test
    void unknown_auth_key_is_rejected() throws Exception {
        assertEquals(LocalErrorCode.AUTH_KEY_REJECTED, signIn("rpuak_nope").error().code());
    }

    @Test
    void signing_in_twice_is_refused_naming_the_device() throws Exception {
        cloud.addAuthKey("rpuak_1");
        cloud.addAuthKey("rpuak_2");
        signIn("rpuak_1");

        LocalResponse second = signIn("rpuak_2");

        assertEquals(LocalErrorCode.ALREADY_SIGNED_IN, second.error().code());
        assertEquals("Already signed in as testpi; run rpi-connect signout first", second.error().message());
        assertEquals(1, cloud.authKeyRequests(), "the second key never left the device");
    }

    @Test
    void empty_auth_key_is_a_bad_request() throws Exception {
        assertEquals(LocalErrorCode.BAD_REQUEST, signIn("   ").error().code());
    }

    @Test
    void unreachable_cloud_is_reported_as_such_and_leaves_the_device_signed_out() throws Exception {
        String url = cloud.url();
        cloud.close();

        LocalResponse r = signIn("rpuak_any");

        assertEquals(LocalErrorCode.CLOUD_UNREACHABLE, r.error().code());
        assertTrue(r.error().message().contains(url), r.error().message());
        assertFalse(daemon.status().signedIn());
    }

    @Test
    void board_without_any_serial_cannot_sign_in_and_says_why() throws Exception {
        daemon.stop();
        try (Stream<Path> files = Files.walk(daemon.sysroot())) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(daemon.sysroot()))
                    .forEach(p -> p.toFile().delete());
        }
        daemon.start();
        cloud.addAuthKey("rpuak_good");

        LocalResponse r = signIn("rpuak_good");

        assertEquals(LocalErrorCode.DEVICE_ERROR, r.error().code());
        assertTrue(r.error().message().contains("serial number"), r.error().message());
        assertEquals(0, cloud.authKeyRequests());
    }

    @Test
    void garbled_state_keeps_the_daemon_up_signed_out_and_sign_in_moves_it_aside() throws Exception {
        daemon.stop();
        Path state = daemon.stateDir().resolve("state.json");
        Files.writeString(state, "{garbled");
        daemon.start();

        StatusResult before = daemon.status();
        assertFalse(before.signedIn());
        assertTrue(before.problem().contains("The state file " + state + " is unreadable (malformed JSON at line 1"),
                before.problem());

        cloud.addAuthKey("rpuak_good");
        assertTrue(signIn("rpuak_good").ok());

        try (Stream<Path> files = Files.list(daemon.stateDir())) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("state.json.garbled-")).findFirst()
                    .orElseThrow(() -> new AssertionError("garbled state was not kept"));
            assertEquals("{garbled", Files.readString(aside));
        }
        assertNull(daemon.status().problem());
        assertTrue(daemon.status().signedIn());
    }
}
