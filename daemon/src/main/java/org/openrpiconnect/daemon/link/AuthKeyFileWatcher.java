package org.openrpiconnect.daemon.link;

import org.openrpiconnect.daemon.Problems;
import org.openrpiconnect.daemon.cloud.Backoff;
import org.openrpiconnect.daemon.cloud.CloudException;
import org.openrpiconnect.daemon.local.LocalApiException;
import org.openrpiconnect.daemon.state.StateStore;
import org.openrpiconnect.protocol.device.SignedInDevice;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Uses an auth key dropped into {@code auth.key} in the state directory (by Imager or a provisioning script):
 * checked at start and every second while signed out. Used: the file is deleted. Rejected for good: renamed to
 * {@code auth.key.rejected-<time>} (nothing lost). Cloud unreachable: kept, retried with {@link Backoff}. Signed in
 * already: left alone, said once. The key itself is never logged.
 */
public final class AuthKeyFileWatcher {
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(AuthKeyFileWatcher.class);

    private final Path file;
    private final DeviceLink link;
    private final StateStore store;
    private final Problems problems;
    private final Backoff backoff;
    private final Clock clock;

    /** What this watcher last put in the status problem, to know when to take it back. */
    private enum Said { NOTHING, WAITING, ALREADY_SIGNED_IN, REJECTED }

    private Instant nextAttempt = Instant.MIN;
    private Said said = Said.NOTHING;
    private FileTime seenModified;
    private long seenSize = -1;

    public AuthKeyFileWatcher(StateStore store, DeviceLink link, Problems problems, Backoff backoff, Clock clock) {
        this.file = store.authKeyFile();
        this.store = store;
        this.link = link;
        this.problems = problems;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** One check; the scheduler calls it every {@link #CHECK_INTERVAL}. Never throws. */
    public synchronized void check() {
        try {
            checkOnce();
        } catch (RuntimeException e) {
            log.error("Checking {} failed: {}", file, e.toString());
        }
    }

    private void checkOnce() {
        boolean signedIn = link.isSignedIn();
        if (!Files.isRegularFile(file)) {
            // Gone: nothing to wait for any more. A rejection stays on show until the device is signed in.
            if (said == Said.WAITING || said == Said.ALREADY_SIGNED_IN || (said == Said.REJECTED && signedIn)) {
                say(Said.NOTHING, null);
            }
            nextAttempt = Instant.MIN;
            return;
        }
        if (signedIn) {
            if (said != Said.ALREADY_SIGNED_IN) {
                String name = link.snapshot().deviceName();
                log.info("Found {} but this device is already signed in as {} (device {}); leaving the file alone",
                        file, name, link.snapshot().deviceId());
                say(Said.ALREADY_SIGNED_IN, "The auth key file " + file + " was not used: this device is already "
                        + "signed in as " + name + ". Remove the file, or run rpi-connect signout to link the device "
                        + "with the key.");
            }
            return;
        }
        if (said == Said.ALREADY_SIGNED_IN) {
            say(Said.NOTHING, null);
            nextAttempt = Instant.MIN;
        }
        if (clock.instant().isBefore(nextAttempt)) return;
        String key = readSettledKey();
        if (key == null) return;
        exchange(key);
    }

    private void say(Said what, String problem) {
        said = what;
        if (problem == null) {
            problems.clear(Problems.Kind.AUTH_KEY_FILE);
        } else {
            problems.set(Problems.Kind.AUTH_KEY_FILE, problem);
        }
    }

    /**
     * The key, or null when the file is empty, vanished, or changed since the previous check (it may still be
     * being written). Comparing with the previous check, not with the clock: a Pi without a real-time clock may
     * boot with a time before the file's.
     */
    private String readSettledKey() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            boolean settled = modified.equals(seenModified) && size == seenSize;
            seenModified = modified;
            seenSize = size;
            if (!settled) return null;
            String key = Files.readString(file, StandardCharsets.UTF_8).trim();
            return key.isEmpty() ? null : key;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            retryLater("it cannot be read (" + e.getMessage() + ")");
            return null;
        }
    }

    private void exchange(String key) {
        log.info("Signing in with the auth key in {}", file);
        try {
            SignedInDevice device = link.signInWithAuthKey(key);
            backoff.reset();
            say(Said.NOTHING, null);
            Files.deleteIfExists(file);
            log.info("Used the auth key in {} and deleted it (device {})", file, device.deviceId());
        } catch (CloudException.Rejected e) {
            if (e.error().code().isAuthKeyRejection()) {
                reject(e.error().message());
            } else {
                retryLater(e.getMessage());
            }
        } catch (CloudException e) {
            retryLater(e.getMessage());
        } catch (LocalApiException e) {
            if (e.code() != LocalErrorCode.ALREADY_SIGNED_IN) retryLater(e.getMessage());
        } catch (IOException e) {
            log.error("Signed in, but could not delete {} ({}); remove it by hand", file, e.getMessage());
        }
    }

    private void reject(String cloudMessage) {
        backoff.reset();
        Path aside;
        try {
            aside = store.moveAside(file, "rejected");
        } catch (IOException e) {
            aside = null;
            log.error("Could not rename the rejected {} ({}); remove it by hand", file, e.getMessage());
            nextAttempt = clock.instant().plus(Backoff.CAP); // do not retry a rejected key every second
        }
        String problem = "The auth key in " + file + " was rejected by Raspberry Pi Connect: "
                + Sentences.of(cloudMessage)
                + (aside == null ? "" : " It was moved to " + aside + ".")
                + " Create a new auth key and save it as " + file + ", or run rpi-connect signin --auth-key=KEY.";
        say(Said.REJECTED, problem);
        log.warn("The auth key in {} was rejected ({}){}", file, cloudMessage,
                aside == null ? "" : "; moved it to " + aside);
    }

    private void retryLater(String reason) {
        Duration delay = backoff.next();
        nextAttempt = clock.instant().plus(delay);
        say(Said.WAITING, "Could not use the auth key in " + file + " yet: " + reason + ". Retrying automatically.");
        log.info("Could not use the auth key in {} yet: {}; retrying in {} ms", file, reason, delay.toMillis());
    }
}
