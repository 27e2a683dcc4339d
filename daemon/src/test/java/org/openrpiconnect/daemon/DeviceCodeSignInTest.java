package org.openrpiconnect.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.DaemonHarness;
import org.openrpiconnect.daemon.testing.FakeCloud;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.SignInParams;
import org.openrpiconnect.protocol.local.SignInResult;
import org.openrpiconnect.protocol.local.StatusResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

@Timeout(60)
class DeviceCodeSignInTest {
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

    private SignInResult signIn() throws Exception {
        return daemon.result(LocalMethod.SIGNIN, new SignInParams(null), SignInResult.class);
    }

    @Test
    void signin_answers_the_verification_url_at_once_and_completes_when_the_user_approves() throws Exception {
        SignInResult pending = signIn();

        assertEquals(SignInResult.PENDING, pending.state());
        assertTrue(pending.verificationUrl().startsWith(cloud.url() + "/verify/ABCD-"), pending.verificationUrl());
        StatusResult waiting = daemon.status();
        assertFalse(waiting.signedIn());
        assertEquals(pending.verificationUrl(), waiting.signinPendingUrl());

        cloud.approveLatestCode("garden-pi");

        eventually(Duration.ofSeconds(5), "signed in", () -> daemon.status().signedIn());
        eventually(Duration.ofSeconds(10), "subscribed", () -> daemon.status().subscribed());
        StatusResult done = daemon.status();
        assertEquals("garden-pi", done.deviceName());
        assertNull(done.signinPendingUrl());
        assertTrue(Files.exists(daemon.stateDir().resolve("device-key.pem")));
        assertEquals(DaemonHarness.SERIAL, cloud.devices().get(0).serial());
    }

    @Test
    void second_signin_while_pending_returns_the_same_url_without_a_new_code() throws Exception {
        SignInResult first = signIn();
        SignInResult second = signIn();

        assertEquals(first.verificationUrl(), second.verificationUrl());
        assertEquals(1, cloud.codesIssued());
    }

    @Test
    void signin_after_completion_is_refused_as_already_signed_in() throws Exception {
        signIn();
        cloud.approveLatestCode("garden-pi");
        eventually(Duration.ofSeconds(5), "signed in", () -> daemon.status().signedIn());

        assertEquals(LocalErrorCode.ALREADY_SIGNED_IN,
                daemon.call(LocalMethod.SIGNIN, new SignInParams(null)).error().code());
    }

    @Test
    void expired_code_leaves_the_device_signed_out_and_says_to_run_signin_again() throws Exception {
        SignInResult pending = signIn();
        cloud.expireLatestCode();

        eventually(Duration.ofSeconds(5), "expiry noticed", () -> daemon.status().problem() != null);
        StatusResult status = daemon.status();
        assertFalse(status.signedIn());
        assertNull(status.signinPendingUrl());
        assertTrue(status.problem().contains(pending.verificationUrl() + " expired"), status.problem());
        assertTrue(status.problem().contains("Run rpi-connect signin"), status.problem());

        SignInResult fresh = signIn();
        assertFalse(fresh.verificationUrl().equals(pending.verificationUrl()), "a new code");
        assertNull(daemon.status().problem(), "starting again clears the old problem");
    }

    @Test
    void code_that_runs_out_locally_is_expired_even_without_the_cloud_saying_so() throws Exception {
        cloud.codeExpiresIn(1);
        signIn();

        eventually(Duration.ofSeconds(5), "expiry noticed", () -> daemon.status().problem() != null);
        assertFalse(daemon.status().signedIn());
    }

    @Test
    void signout_while_pending_cancels_the_sign_in() throws Exception {
        signIn();

        assertTrue(daemon.call(LocalMethod.SIGNOUT, null).ok());
        cloud.approveLatestCode("too-late");
        Thread.sleep(2500); // two poll intervals: a cancelled sign-in must not complete

        assertFalse(daemon.status().signedIn());
        assertNull(daemon.status().signinPendingUrl());
    }
}
