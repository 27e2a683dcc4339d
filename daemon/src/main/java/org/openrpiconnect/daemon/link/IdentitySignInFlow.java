package org.openrpiconnect.daemon.link;

import org.openrpiconnect.daemon.Problems;
import org.openrpiconnect.daemon.Scheduling;
import org.openrpiconnect.daemon.cloud.Backoff;
import org.openrpiconnect.daemon.cloud.CloudException;
import org.openrpiconnect.daemon.identity.IdentityException;
import org.openrpiconnect.daemon.identity.IdentitySigner;
import org.openrpiconnect.daemon.identity.IdentitySource;
import org.openrpiconnect.daemon.local.LocalApiException;
import org.openrpiconnect.daemon.state.IdentityPause;
import org.openrpiconnect.daemon.state.StateStore;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.SignedInDevice;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.SignInResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * When the device identity signs in: only at start (when signed out) and when the user runs
 * {@code rpi-connect signin} without an auth key; never after a sign-out while running. So a device removed in the
 * cloud, or signed out by its user, stays signed out: the link's end also pauses the start-time sign-in
 * ({@link IdentityPause}) until someone runs {@code rpi-connect signin}.
 *
 * <p>At start, an unreachable cloud (or a clock not yet set, or a busy cloud) is retried with {@link Backoff} until
 * the cloud answers; a refusal ({@code identity_unknown}: never registered, or deleted) is final: signed out, and
 * status says why. {@code rpi-connect signin} tries the identity first and falls back to the browser sign-in when
 * the cloud refuses it or the board's own key cannot be used; an unusable key file the operator configured is an
 * error to fix instead.
 */
public final class IdentitySignInFlow {
    private static final Logger log = LoggerFactory.getLogger(IdentitySignInFlow.class);

    private final IdentitySource source;
    private final DeviceLink link;
    private final StateStore store;
    private final Problems problems;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    /** Set once the start-time attempts are over (signed in, refused, or replaced by the user's signin). */
    private volatile boolean startAttemptsOver;

    public IdentitySignInFlow(IdentitySource source, DeviceLink link, StateStore store, Problems problems,
                              ScheduledExecutorService scheduler, Backoff backoff) {
        this.source = source;
        this.link = link;
        this.store = store;
        this.problems = problems;
        this.scheduler = scheduler;
        this.backoff = backoff;
    }

    /** At daemon start, after the link was restored: signs in with the identity in the background if it should. */
    public void startAtLaunch() {
        if (link.isSignedIn() || !source.present()) return;
        Optional<IdentityPause> pause = store.loadIdentityPause();
        if (pause.isPresent()) {
            String reason = pause.get().reason();
            log.info("Not signing in with the device identity: the last link ended ({}) and stays ended until "
                    + "rpi-connect signin", reason == null ? "reason unknown" : reason);
            if (SignOutReason.REMOVED.name().equals(reason)) {
                problems.set(Problems.Kind.LINK, SignOutReason.REMOVED.problem());
            }
            return;
        }
        Scheduling.now(scheduler, this::attemptAtLaunch);
    }

    private void attemptAtLaunch() {
        if (startAttemptsOver || link.isSignedIn()) return;
        IdentitySigner identity;
        try {
            Optional<IdentitySigner> found = source.signer();
            if (found.isEmpty()) return;
            identity = found.get();
        } catch (IdentityException e) {
            unusable(null, e);
            return;
        }
        try {
            link.signInWithIdentity(identity);
            startAttemptsOver = true;
        } catch (IdentityException e) {
            unusable(identity, e);
        } catch (CloudException e) {
            if (worthRetrying(e)) {
                retryAtLaunch(identity, e);
            } else {
                refused(identity, e);
            }
        } catch (LocalApiException e) {
            startAttemptsOver = true;
            if (e.code() == LocalErrorCode.ALREADY_SIGNED_IN) return; // signed in meanwhile, another way
            problems.set(Problems.Kind.IDENTITY, e.getMessage());
            log.warn("Could not sign in with the device identity: {}", e.getMessage());
        }
    }

    private void retryAtLaunch(IdentitySigner identity, CloudException e) {
        Duration delay = backoff.next();
        problems.set(Problems.Kind.IDENTITY, "Signing in with the device identity (" + identity.description()
                + "): " + Sentences.of(e.getMessage()) + " Retrying automatically.");
        log.info("Could not sign in with the device identity yet: {}; retrying in {} ms", e.getMessage(),
                delay.toMillis());
        Scheduling.later(scheduler, this::attemptAtLaunch, delay);
    }

    /**
     * {@code rpi-connect signin} without an auth key: the identity, when there is one. Empty when the caller should
     * go on with the browser sign-in (no identity, the board's key unusable, or the cloud refused the identity).
     */
    public Optional<SignInResult> signInFromCli() throws LocalApiException {
        if (link.isSignedIn()) return Optional.empty(); // the browser sign-in says "already signed in"
        IdentitySigner identity = null;
        try {
            Optional<IdentitySigner> found = source.signer();
            if (found.isEmpty()) return Optional.empty();
            identity = found.get();
            SignedInDevice device = link.signInWithIdentity(identity);
            startAttemptsOver = true;
            return Optional.of(new SignInResult(SignInResult.SIGNED_IN, null, device.name()));
        } catch (IdentityException e) {
            unusable(identity, e);
            if (identity == null || identity.configured()) {
                throw new LocalApiException(LocalErrorCode.DEVICE_ERROR, e.getMessage());
            }
            return Optional.empty();
        } catch (CloudException e) {
            if (worthRetrying(e)) throw CloudErrors.toLocal(e); // the browser sign-in would not work either
            refused(identity, e);
            return Optional.empty();
        }
    }

    /**
     * Trouble that may pass: the network, a busy cloud or its proxy, a clock not yet set after boot. Not: a refusal
     * of the identity, or a cloud without identity sign-in (an older one).
     */
    private static boolean worthRetrying(CloudException e) {
        if (e instanceof CloudException.Unexpected u) return !u.notSupported();
        if (!(e instanceof CloudException.Rejected r)) return true;
        DeviceErrorCode code = r.error().code();
        return code == DeviceErrorCode.RATE_LIMITED || code == DeviceErrorCode.INTERNAL
                || code == DeviceErrorCode.CLOCK_SKEW;
    }

    private void refused(IdentitySigner identity, CloudException e) {
        startAttemptsOver = true;
        String why = e instanceof CloudException.Rejected r ? r.error().message() : e.getMessage();
        problems.set(Problems.Kind.IDENTITY, "Not signed in: Raspberry Pi Connect refused this device's identity ("
                + identity.description() + "): " + Sentences.of(why)
                + " Run rpi-connect signin to sign in with a browser instead.");
        log.warn("The device identity ({}) was refused: {}", identity.description(), e.getMessage());
    }

    /** A configured key that cannot be used is shown; the board's own key is only logged (it is optional). */
    private void unusable(IdentitySigner identity, IdentityException e) {
        startAttemptsOver = true;
        if (identity == null || identity.configured()) {
            problems.set(Problems.Kind.IDENTITY, e.getMessage());
            log.warn("Cannot use the device identity: {}", e.getMessage());
        } else {
            log.info("Not using the device identity ({}): {}", identity.description(), e.getMessage());
        }
    }
}
