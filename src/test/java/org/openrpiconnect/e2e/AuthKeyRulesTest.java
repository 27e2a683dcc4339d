package org.openrpiconnect.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openrpiconnect.e2e.harness.CloudPerClass;
import org.openrpiconnect.e2e.harness.DeviceRow;
import org.openrpiconnect.e2e.harness.DeviceUser;
import org.openrpiconnect.e2e.harness.FakeDevice;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.HttpResult;
import org.openrpiconnect.e2e.harness.ProcessResult;
import org.openrpiconnect.e2e.harness.StatusOutput;
import org.openrpiconnect.e2e.harness.Waits;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.SignedInDevice;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An auth key links exactly one device, once, before it expires (seed 000: "single-use, temporary"): under a race
 * of 50 raw sign-ins and of 4 real daemons, and when reused, expired or unknown, the refusal names the reason and
 * the cloud's device list does not change.
 */
class AuthKeyRulesTest {
    @RegisterExtension
    static final CloudPerClass shared = new CloudPerClass();

    @Test
    void fifty_parallel_sign_ins_with_one_auth_key_create_exactly_one_device() throws Exception {
        String key = shared.cloud().accounts().createAuthKey("--user", newUser());
        HttpClient http = FakeDevice.newHttpClient();
        List<FakeDevice> fakes = Stream.generate(() -> new FakeDevice(shared.cloud().url(), http)).limit(50).toList();

        List<HttpResult> results = race(fakes.stream().<Callable<HttpResult>>map(f -> () -> f.signInWithAuthKey(key))
                .toList());

        List<HttpResult> created = results.stream().filter(r -> r.status() == 201).toList();
        String summary = results.stream().collect(Collectors.groupingBy(r -> r.status() == 201 ? "201"
                : r.status() + " " + safeCode(r), Collectors.counting())).toString();
        assertEquals(1, created.size(), "exactly one sign-in may win; got " + summary);
        for (HttpResult r : results) {
            if (r.status() == 201) continue;
            boolean usedKey = r.status() == 401 && r.error().code() == DeviceErrorCode.AUTH_KEY_USED;
            boolean rateLimited = r.status() == 429 && r.error().code() == DeviceErrorCode.RATE_LIMITED;
            assertTrue(usedKey || rateLimited, "a losing sign-in must be refused as auth_key_used (401) or "
                    + "rate_limited (429), got " + r + "; all: " + summary);
        }
        SignedInDevice winner = created.get(0).as(SignedInDevice.class);
        Set<String> serials = fakes.stream().map(FakeDevice::serial).collect(Collectors.toSet());
        List<DeviceRow> rows = shared.cloud().accounts().devices().stream().filter(d -> serials.contains(d.serial())).toList();
        assertEquals(1, rows.size(), "exactly one device may exist for the key: " + rows);
        assertEquals(winner.deviceId(), rows.get(0).id());
    }

    @Test
    void four_daemons_racing_with_one_auth_key_link_exactly_one_device() throws Exception {
        String name = Fixtures.uniqueName("racer");
        String key = shared.cloud().accounts().createAuthKey("--user", newUser(), "--device-name", name);
        List<DeviceUser> racers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) racers.add(shared.devices().create("racer" + i));
        race(racers.stream().<Callable<Object>>map(d -> () -> d.startDaemon()).toList());

        List<ProcessResult> results = race(racers.stream()
                .<Callable<ProcessResult>>map(d -> () -> d.cli("signin", "--auth-key=" + key)).toList());

        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) if (results.get(i).exitCode() == 0) winners.add(i);
        assertEquals(1, winners.size(), "exactly one daemon may sign in with the key:\n" + results);
        DeviceUser winner = racers.get(winners.get(0));
        assertTrue(results.get(winners.get(0)).stdout().contains("Signed in successfully as " + name));
        for (int i = 0; i < results.size(); i++) {
            if (i == winners.get(0)) continue;
            ProcessResult lost = results.get(i);
            assertTrue(lost.output().toLowerCase().contains("already used"),
                    "a losing daemon's CLI must say the key was already used: " + lost);
        }
        Set<String> serials = racers.stream().map(d -> d.board().serial()).collect(Collectors.toSet());
        List<DeviceRow> rows = shared.cloud().accounts().devices().stream().filter(d -> serials.contains(d.serial())).toList();
        assertEquals(List.of(winner.board().serial()), rows.stream().map(DeviceRow::serial).toList());
        winner.awaitStatus("signed in and subscribed", Fixtures.SUBSCRIBE_TIMEOUT, StatusOutput::healthy);
        for (DeviceUser d : racers) {
            if (d != winner) assertTrue(d.status().signedOut(), d.name() + " must stay signed out");
        }
    }

    @Test
    void reused_auth_key_is_refused_as_already_used_and_creates_no_device() {
        String email = newUser();
        String key = shared.cloud().accounts().createAuthKey("--user", email, "--device-name", Fixtures.uniqueName("first"));
        DeviceUser first = shared.devices().create("first");
        first.startDaemon();
        assertEquals(0, first.cli("signin", "--auth-key=" + key).exitCode());

        assertRefused(key, "already used");
    }

    @Test
    void expired_auth_key_is_refused_as_expired_and_creates_no_device() {
        String key = shared.cloud().accounts().createAuthKey("--user", newUser(), "--ttl-seconds", "1");
        Waits.sleep(Duration.ofMillis(2500)); // let the one-second key run out

        assertRefused(key, "expired");
    }

    @Test
    void unknown_auth_key_is_refused_as_unknown_and_creates_no_device() {
        assertRefused("rpuak_" + Fixtures.randomHex(16), "unknown|not known|not recogni[sz]ed");
    }

    @Test
    void rejected_auth_key_file_is_set_aside_and_status_explains() throws IOException {
        DeviceUser device = shared.devices().create("rejected-file");
        device.startDaemon();
        List<DeviceRow> before = shared.cloud().accounts().devices();
        String unknownKey = "rpuak_" + Fixtures.randomHex(16);

        Path authKey = device.writeAuthKeyFile(unknownKey);

        Path setAside = Waits.until(Duration.ofSeconds(30), "auth.key to be renamed auth.key.rejected-<time>",
                () -> Files.exists(authKey) ? null : rejectedKeyFile(device), () -> "");
        assertEquals(unknownKey, Files.readString(setAside, StandardCharsets.UTF_8).trim(),
                "the rejected key is kept, not lost");
        StatusOutput status = device.awaitStatus("signed out with a problem", Duration.ofSeconds(10),
                s -> s.signedOut() && !s.problem().isEmpty());
        assertTrue(status.problem().toLowerCase().contains("auth"), "the problem should name the auth key: " + status);
        assertEquals(before, shared.cloud().accounts().devices());
    }

    /**
     * A fresh device tries {@code key}: refused with the reason (a regular expression over the lower-case output:
     * the words may vary, the meaning may not), nothing linked.
     */
    private void assertRefused(String key, String reason) {
        DeviceUser device = shared.devices().create("refused");
        device.startDaemon();
        List<DeviceRow> before = shared.cloud().accounts().devices();

        ProcessResult signin = device.cli("signin", "--auth-key=" + key);

        assertNotEquals(0, signin.exitCode(), signin::toString);
        assertTrue(Pattern.compile(reason).matcher(signin.output().toLowerCase()).find(),
                "the CLI must give the reason /" + reason + "/: " + signin);
        assertTrue(device.status().signedOut());
        assertEquals(before, shared.cloud().accounts().devices(), "a refused key must not change the device list");
    }

    private static String newUser() {
        String email = Fixtures.uniqueEmail("keys");
        shared.cloud().accounts().createUser(email, Fixtures.password());
        return email;
    }

    private static Path rejectedKeyFile(DeviceUser device) {
        try (Stream<Path> files = Files.list(device.stateDir())) {
            return files.filter(p -> p.getFileName().toString().startsWith("auth.key.rejected-")).findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String safeCode(HttpResult r) {
        try {
            return String.valueOf(r.error().code());
        } catch (RuntimeException e) {
            return "(no error body)";
        }
    }

    /** Runs all tasks at the same moment (released together by a latch) and returns their results in order. */
    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return t.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get(180, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
