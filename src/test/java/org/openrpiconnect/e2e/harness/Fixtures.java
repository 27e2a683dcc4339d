package org.openrpiconnect.e2e.harness;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small recurring set-ups: unique accounts, and a device linked with an auth key and subscribed. */
public final class Fixtures {
    /** A daemon that just signed in opens its event socket in well under this. */
    public static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(20);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {}

    public static String uniqueEmail(String who) {
        return who + "-" + COUNTER.incrementAndGet() + "-" + randomHex(3) + "@example.test";
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + randomHex(2);
    }

    public static String password() {
        return "pw-" + randomHex(12);
    }

    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The cloud's row for a board serial number, or an assertion error listing what is there. */
    public static DeviceRow rowFor(List<DeviceRow> devices, String serial) {
        return devices.stream().filter(d -> d.serial().equals(serial)).findFirst()
                .orElseThrow(() -> new AssertionError("no device with serial " + serial + " in " + devices));
    }

    /**
     * A new user and a personal auth key named {@code deviceName}; starts the device's daemon if needed, signs in
     * with the key on the command line and waits for a healthy status. Returns the cloud's row for the device.
     */
    public static DeviceRow linkWithAuthKey(CloudProcess cloud, DeviceUser device, String deviceName) {
        return linkWithAuthKey(cloud, device, deviceName, uniqueEmail("owner"), password());
    }

    /** A device linked to a new account that is also signed in in the browser. */
    public record SignedInOwner(DeviceUser device, String deviceId) {}

    /**
     * A new account for {@code who}, signed in in {@code browser}, with a new device (its daemon started) linked to
     * it by a personal auth key under the name {@code deviceName}.
     */
    public static SignedInOwner linkAndSignIn(CloudProcess cloud, Devices devices, Browser browser, String who,
                                              String deviceName) {
        String email = uniqueEmail(who);
        String password = password();
        DeviceUser device = devices.create(who);
        String id = linkWithAuthKey(cloud, device, deviceName, email, password).id();
        new CloudPages(browser, cloud.url()).signIn(email, password);
        return new SignedInOwner(device, id);
    }

    /** Creates the account EMAIL/PASSWORD, then links {@code device} to it with a personal auth key. */
    public static DeviceRow linkWithAuthKey(CloudProcess cloud, DeviceUser device, String deviceName, String email,
                                            String password) {
        cloud.accounts().createUser(email, password);
        String key = cloud.accounts().createAuthKey("--user", email, "--device-name", deviceName);
        if (!device.acceptsConnections()) device.startDaemon();
        ProcessResult signin = device.cli("signin", "--auth-key=" + key);
        assertEquals(0, signin.exitCode(), () -> "signin with a fresh auth key must succeed: " + signin);
        assertTrue(signin.stdout().contains("Signed in successfully as " + deviceName), signin::toString);
        device.awaitStatus("signed in and subscribed", SUBSCRIBE_TIMEOUT, StatusOutput::healthy);
        return rowFor(cloud.accounts().devices(), device.board().serial());
    }
}
