package org.openrpiconnect.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceError;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.SignedInDevice;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthKeyExchangeTest {
    static TestCloud cloud;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        cloud.user("keys@example.org");
        cloud.user("admin@example.org");
        cloud.command("org", "create", "Keyco", "--admin", "admin@example.org");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void fifty_parallel_exchanges_of_one_key_link_exactly_one_device() throws Exception {
        String key = cloud.orgKey("Keyco");
        long before = deviceCount();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            FakeDevice d = new FakeDevice(cloud, "race-" + i, "race" + i);
            tasks.add(() -> d.signInWithAuthKey(key));
        }
        int created = 0;
        int used = 0;
        for (Future<HttpResponse<String>> f : pool.invokeAll(tasks)) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 201) created++;
            else if (r.statusCode() == 401
                    && Json.read(r.body(), DeviceError.class).code() == DeviceErrorCode.AUTH_KEY_USED) used++;
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(49, used);
        assertEquals(before + 1, deviceCount());
    }

    @Test
    void expired_key_is_rejected_and_creates_no_device() {
        String key = cloud.personalKey("keys@example.org", "--ttl-seconds", "60");
        cloud.clock.advance(java.time.Duration.ofSeconds(61));
        try {
            long before = deviceCount();
            FakeDevice d = new FakeDevice(cloud, "expired-1", "pi");
            DeviceSignatureTest.assertError(d.signInWithAuthKey(key), 401, DeviceErrorCode.AUTH_KEY_EXPIRED);
            assertEquals(before, deviceCount());
        } finally {
            cloud.clock.advance(java.time.Duration.ofSeconds(-61));
        }
    }

    @Test
    void unknown_key_is_rejected_and_creates_no_device() {
        long before = deviceCount();
        FakeDevice d = new FakeDevice(cloud, "unknown-1", "pi");
        DeviceSignatureTest.assertError(d.signInWithAuthKey("rpuak_doesnotexist"), 401,
                DeviceErrorCode.AUTH_KEY_UNKNOWN);
        DeviceSignatureTest.assertError(d.signInWithAuthKey("not-a-key"), 401, DeviceErrorCode.AUTH_KEY_UNKNOWN);
        assertEquals(before, deviceCount());
    }

    @Test
    void reused_auth_key_is_rejected_and_creates_no_device() {
        String key = cloud.personalKey("keys@example.org");
        assertEquals(201, new FakeDevice(cloud, "reuse-1", "pi").signInWithAuthKey(key).statusCode());
        long before = deviceCount();
        DeviceError e = DeviceSignatureTest.assertError(new FakeDevice(cloud, "reuse-2", "pi").signInWithAuthKey(key),
                401, DeviceErrorCode.AUTH_KEY_USED);
        assertTrue(e.message().contains("single use"), e.message());
        assertEquals(before, deviceCount());
    }

    @Test
    void the_three_rejections_have_distinct_messages() {
        String used = cloud.personalKey("keys@example.org");
        new FakeDevice(cloud, "msg-1", "pi").signInWithAuthKey(used);
        String expired = cloud.personalKey("keys@example.org", "--ttl-seconds", "1");
        cloud.clock.advance(java.time.Duration.ofSeconds(2));
        try {
            FakeDevice d = new FakeDevice(cloud, "msg-2", "pi");
            String m1 = Json.read(d.signInWithAuthKey(used).body(), DeviceError.class).message();
            String m2 = Json.read(d.signInWithAuthKey(expired).body(), DeviceError.class).message();
            String m3 = Json.read(d.signInWithAuthKey("rpuak_nope").body(), DeviceError.class).message();
            assertEquals(3, java.util.Set.of(m1, m2, m3).size());
        } finally {
            cloud.clock.advance(java.time.Duration.ofSeconds(-2));
        }
    }

    @Test
    void new_personal_key_revokes_the_previous_unused_one() {
        String first = cloud.personalKey("keys@example.org");
        String second = cloud.personalKey("keys@example.org");
        DeviceError e = DeviceSignatureTest.assertError(new FakeDevice(cloud, "revoked-1", "pi")
                .signInWithAuthKey(first), 401, DeviceErrorCode.AUTH_KEY_UNKNOWN);
        assertTrue(e.message().contains("revoked"), e.message());
        assertEquals(201, new FakeDevice(cloud, "revoked-2", "pi").signInWithAuthKey(second).statusCode());
    }

    @Test
    void organisation_keys_stay_valid_side_by_side_and_name_and_tag_the_device() {
        String a = cloud.orgKey("Keyco", "--device-name", "kiosk-1", "--tag", "production", "--tag", "kiosk");
        String b = cloud.orgKey("Keyco");
        FakeDevice da = new FakeDevice(cloud, "org-a", "hosta");
        FakeDevice db = new FakeDevice(cloud, "org-b", "hostb");
        HttpResponse<String> ra = da.signInWithAuthKey(a);
        assertEquals(201, ra.statusCode(), ra.body());
        assertEquals("kiosk-1", Json.read(ra.body(), SignedInDevice.class).name());
        assertEquals(201, db.signInWithAuthKey(b).statusCode());
        Device stored = cloud.cloud.devices.require(da.deviceId);
        assertEquals(List.of("production", "kiosk"), stored.tags());
        assertEquals("Raspberry Pi 5", stored.boardModel());
        assertEquals("hostb", cloud.cloud.devices.require(db.deviceId).name());
    }

    @Test
    void relinking_the_same_board_for_the_same_owner_reuses_the_record_and_keeps_its_name() {
        FakeDevice first = new FakeDevice(cloud, "relink-1", "firsthost");
        assertEquals(201, first.signInWithAuthKey(cloud.personalKey("keys@example.org")).statusCode());
        cloud.cloud.devices.rename(first.deviceId, "my-pi");
        FakeDevice again = new FakeDevice(cloud, "relink-1", "otherhost"); // same board, new key (new SD card)
        HttpResponse<String> r = again.signInWithAuthKey(cloud.personalKey("keys@example.org"));
        assertEquals(201, r.statusCode(), r.body());
        SignedInDevice d = Json.read(r.body(), SignedInDevice.class);
        assertEquals(first.deviceId, d.deviceId());
        assertEquals("my-pi", d.name());
        assertEquals(401, first.get(org.openrpiconnect.protocol.device.DeviceApi.SELF).statusCode(),
                "the old key no longer works");
        assertEquals(200, again.get(org.openrpiconnect.protocol.device.DeviceApi.SELF).statusCode());
    }

    @Test
    void relinking_with_a_key_that_names_the_device_renames_it() {
        FakeDevice first = new FakeDevice(cloud, "relink-org", "h");
        assertEquals(201, first.signInWithAuthKey(cloud.orgKey("Keyco")).statusCode());
        FakeDevice again = new FakeDevice(cloud, "relink-org", "h");
        HttpResponse<String> r = again.signInWithAuthKey(cloud.orgKey("Keyco", "--device-name", "named-by-key"));
        SignedInDevice d = Json.read(r.body(), SignedInDevice.class);
        assertEquals(first.deviceId, d.deviceId());
        assertEquals("named-by-key", d.name());
    }

    @Test
    void the_same_board_linked_to_another_owner_is_a_new_device() {
        FakeDevice personal = new FakeDevice(cloud, "two-owners", "h");
        personal.signInWithAuthKey(cloud.personalKey("keys@example.org"));
        FakeDevice org = new FakeDevice(cloud, "two-owners", "h");
        org.signInWithAuthKey(cloud.orgKey("Keyco"));
        assertNotEquals(personal.deviceId, org.deviceId);
    }

    @Test
    void linking_queues_a_notification_mail_to_the_owner_or_the_organisation_admins() {
        FakeDevice d = new FakeDevice(cloud, "mail-1", "mailpi");
        d.signInWithAuthKey(cloud.orgKey("Keyco", "--device-name", "mailed-device"));
        long mails = cloud.db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM outbox WHERE recipient = ? AND subject = ?",
                "admin@example.org", "New device linked: mailed-device"));
        assertEquals(1, mails);
    }

    static long deviceCount() {
        return cloud.db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM devices"));
    }
}
