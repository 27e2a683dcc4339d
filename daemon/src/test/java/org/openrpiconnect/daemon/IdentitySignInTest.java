package org.openrpiconnect.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.identity.OpensslKeys;
import org.openrpiconnect.daemon.testing.DaemonHarness;
import org.openrpiconnect.daemon.testing.FakeCloud;
import org.openrpiconnect.daemon.testing.FakeFwCrypto;
import org.openrpiconnect.daemon.testing.LogCapture;
import org.openrpiconnect.protocol.Json;
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
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

/**
 * Signing in with a device identity: at start (when signed out) and on {@code rpi-connect signin}, never behind the
 * back of a user who signed out or an administrator who removed the device.
 */
@Timeout(60)
class IdentitySignInTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String REMOVED = "This device was removed from your Connect account. Run rpi-connect "
            + "signin to link it again.";

    @TempDir
    Path tmp;

    /** Made by the real openssl into {@link #keyFile()}, as an operator makes it. */
    private KeyPair identity;
    private FakeCloud cloud;
    private DaemonHarness daemon;

    @BeforeEach
    void makeIdentityKeyFile() throws Exception {
        identity = OpensslKeys.pkcs8(keyFile());
    }

    @AfterEach
    void tearDown() {
        if (daemon != null) daemon.close();
        if (cloud != null) cloud.close();
    }

    /** A daemon configured with the identity's key file (0600) in connect.conf, not started. */
    private DaemonHarness withKeyFile(String cloudUrl) throws Exception {
        Path keyFile = keyFile();
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        daemon = new DaemonHarness(tmp, cloudUrl);
        Files.createDirectories(daemon.stateDir());
        Files.writeString(daemon.stateDir().resolve("connect.conf"), "identity_key_file=" + keyFile + "\n");
        return daemon;
    }

    private Path keyFile() {
        return tmp.resolve("identity.pem");
    }

    private StatusResult awaitSubscribed() throws Exception {
        eventually(WAIT, "signed in and subscribed", () -> daemon.status().subscribed());
        return daemon.status();
    }

    private LocalResponse signIn() throws Exception {
        return daemon.call(LocalMethod.SIGNIN, new SignInParams(null));
    }

    @Test
    void identity_key_file_signs_the_device_in_at_start_under_the_identitys_name_with_its_own_device_key()
            throws Exception {
        cloud = FakeCloud.start();
        cloud.addIdentity(identity.getPublic(), "pi5-001");
        try (LogCapture logs = new LogCapture()) {
            withKeyFile(cloud.url()).start();

            StatusResult status = awaitSubscribed();

            assertEquals("pi5-001", status.deviceName());
            assertNull(status.problem());
            FakeCloud.Device device = cloud.devices().get(0);
            assertEquals(DaemonHarness.SERIAL, device.serial());
            assertEquals("Raspberry Pi 4B", device.facts().board().model());
            // Later requests are signed by a fresh device key, saved as usual; the identity key only signed in.
            Path deviceKeyFile = daemon.stateDir().resolve("device-key.pem");
            PrivateKey saved = DeviceKeys.parsePrivateKey(Files.readString(deviceKeyFile));
            assertNotEquals(identity.getPublic(), device.key());
            assertTrue(RequestSignature.verify(device.key(), "x", RequestSignature.sign(saved, "x")));
            assertEquals(1, cloud.identityRequests());
            assertTrue(logs.lines().contains("Signed in with device identity (device " + device.id() + ") as pi5-001"),
                    String.join("\n", logs.lines()));
            String keyBody = Files.readString(keyFile()).lines().skip(1).findFirst().orElseThrow();
            assertTrue(logs.lines().stream().noneMatch(l -> l.contains(keyBody)), "the identity key is never logged");
        }
    }

    @Test
    void identity_unknown_to_the_cloud_leaves_the_device_signed_out_says_why_and_is_not_retried() throws Exception {
        cloud = FakeCloud.start();
        withKeyFile(cloud.url()).start();

        eventually(WAIT, "the refusal in status", () -> daemon.status().problem() != null);
        Thread.sleep(1500); // a retry would come within the backoff's first steps

        StatusResult status = daemon.status();
        assertFalse(status.signedIn());
        assertEquals("Not signed in: Raspberry Pi Connect refused this device's identity (the key file "
                + keyFile() + "): No device identity has this key: register it, or check that it was not deleted."
                + " Run rpi-connect signin to sign in with a browser instead.", status.problem());
        assertEquals(1, cloud.identityRequests());
        assertTrue(cloud.devices().isEmpty());
    }

    @Test
    void unreachable_cloud_at_start_is_retried_until_the_identity_signs_in() throws Exception {
        int port = FakeCloud.freePort();
        withKeyFile("http://127.0.0.1:" + port).start();
        eventually(WAIT, "waiting shown in status", () -> daemon.status().problem() != null
                && daemon.status().problem().endsWith("Retrying automatically."));

        cloud = FakeCloud.start(port, c -> c.addIdentity(identity.getPublic(), "pi5-002"));

        assertEquals("pi5-002", awaitSubscribed().deviceName());
        assertNull(daemon.status().problem());
    }

    @Test
    void signout_by_the_user_is_kept_across_a_restart_until_signin_uses_the_identity_again() throws Exception {
        cloud = FakeCloud.start();
        cloud.addIdentity(identity.getPublic(), "pi5-003");
        withKeyFile(cloud.url()).start();
        awaitSubscribed();
        assertTrue(daemon.call(LocalMethod.SIGNOUT, null).ok());

        daemon.restart();
        Thread.sleep(1000);

        assertFalse(daemon.status().signedIn());
        assertNull(daemon.status().problem(), "the user chose this");
        assertEquals(1, cloud.identityRequests(), "no sign-in behind the user's back");

        SignInResult again = Json.read(signIn().result(), SignInResult.class);

        assertEquals(new SignInResult(SignInResult.SIGNED_IN, null, "pi5-003"), again);
        assertEquals(2, cloud.identityRequests());
        awaitSubscribed();
        assertFalse(Files.exists(daemon.stateDir().resolve("identity-signin-paused.json")));
    }

    @Test
    void removal_in_the_cloud_is_not_undone_by_a_restart() throws Exception {
        cloud = FakeCloud.start();
        cloud.addIdentity(identity.getPublic(), "pi5-004");
        withKeyFile(cloud.url()).start();
        awaitSubscribed();

        cloud.remove(cloud.devices().get(0).id());
        eventually(WAIT, "signed out", () -> !daemon.status().signedIn());
        daemon.restart();
        Thread.sleep(1000);

        StatusResult status = daemon.status();
        assertFalse(status.signedIn());
        assertEquals(REMOVED, status.problem());
        assertEquals(1, cloud.identityRequests());
        assertTrue(cloud.devices().isEmpty());
    }

    @Test
    void signin_falls_back_to_the_browser_when_the_cloud_refuses_the_identity() throws Exception {
        cloud = FakeCloud.start();
        withKeyFile(cloud.url()).start();
        eventually(WAIT, "the refusal in status", () -> daemon.status().problem() != null);

        SignInResult result = Json.read(signIn().result(), SignInResult.class);

        assertEquals(SignInResult.PENDING, result.state());
        assertTrue(result.verificationUrl().startsWith(cloud.url() + "/verify/"), result.verificationUrl());
        assertEquals(2, cloud.identityRequests(), "signin tried the identity once more first");
        cloud.approveLatestCode("by-browser");
        assertEquals("by-browser", awaitSubscribed().deviceName());
        assertNull(daemon.status().problem());
    }

    @Test
    void cloud_without_identity_sign_in_is_not_asked_again_and_signin_uses_the_browser() throws Exception {
        cloud = FakeCloud.start();
        cloud.withoutIdentitySignIn();
        withKeyFile(cloud.url()).start();

        eventually(WAIT, "the refusal in status", () -> daemon.status().problem() != null);
        Thread.sleep(1500);

        assertTrue(daemon.status().problem().contains("answered POST /api/v1/device/signin/identity with HTTP 404"),
                daemon.status().problem());
        assertEquals(1, cloud.identityRequests());
        SignInResult result = Json.read(signIn().result(), SignInResult.class);
        assertEquals(SignInResult.PENDING, result.state());
    }

    @Test
    void key_file_open_to_other_users_is_refused_at_start_and_at_signin_with_the_fix() throws Exception {
        cloud = FakeCloud.start();
        cloud.addIdentity(identity.getPublic(), "pi5-005");
        withKeyFile(cloud.url());
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        daemon.start();
        String expected = "The device identity key file " + keyFile() + " is open to other users (mode 0644), so "
                + "it is not used: a private key must be readable by its owner only. Run chmod 600 " + keyFile()
                + ", then rpi-connect signin.";

        eventually(WAIT, "the refusal in status", () -> expected.equals(daemon.status().problem()));
        LocalResponse r = signIn();

        assertEquals(LocalErrorCode.DEVICE_ERROR, r.error().code());
        assertEquals(expected, r.error().message());
        assertEquals(0, cloud.identityRequests());

        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-------"));
        assertTrue(signIn().ok(), "fixed without a restart");
        assertEquals("pi5-005", awaitSubscribed().deviceName());
        assertNull(daemon.status().problem());
    }

    @Test
    void relative_key_file_path_stops_the_start_with_a_clear_message() throws Exception {
        daemon = new DaemonHarness(tmp, "http://127.0.0.1:9");
        Files.createDirectories(daemon.stateDir());
        Files.writeString(daemon.stateDir().resolve("connect.conf"), "identity_key_file=identity.pem\n");

        StartupException e = assertThrows(StartupException.class, daemon::start);

        assertTrue(e.getMessage().startsWith("The setting identity_key_file in " + daemon.stateDir()
                + "/connect.conf is 'identity.pem', but it must be an absolute path"), e.getMessage());
    }

    @Test
    void otp_key_through_rpi_fw_crypto_on_path_signs_the_device_in() throws Exception {
        Path otpKey = tmp.resolve("otp.pem");
        Files.writeString(otpKey, DeviceKeys.privateKeyPem(identity.getPrivate()));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        FakeFwCrypto.install(bin, otpKey);
        cloud = FakeCloud.start();
        cloud.addIdentity(identity.getPublic(), "pi5-otp");
        daemon = new DaemonHarness(tmp, cloud.url());
        daemon.env().put("PATH", bin.toString());
        daemon.start();

        assertEquals("pi5-otp", awaitSubscribed().deviceName());
    }

    @Test
    void board_whose_otp_key_cannot_be_used_signs_in_with_the_browser_as_before() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        FakeFwCrypto.failing(bin);
        cloud = FakeCloud.start();
        daemon = new DaemonHarness(tmp, cloud.url());
        daemon.env().put("PATH", bin.toString());
        daemon.start();

        SignInResult result = Json.read(signIn().result(), SignInResult.class);

        assertEquals(SignInResult.PENDING, result.state());
        assertNull(daemon.status().problem(), "an unusable OTP key is no problem of the user's");
        assertEquals(0, cloud.identityRequests());
    }
}
