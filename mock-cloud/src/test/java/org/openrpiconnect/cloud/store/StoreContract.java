package org.openrpiconnect.cloud.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.PublicUrl;
import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.AuthKey;
import org.openrpiconnect.cloud.model.AuthKeyKind;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.DeviceCode;
import org.openrpiconnect.cloud.model.Issued;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.Owner;
import org.openrpiconnect.cloud.model.Role;
import org.openrpiconnect.cloud.model.StoredDeviceEvent;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.service.AuthKeyRequest;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceFacts;
import org.openrpiconnect.protocol.device.DeviceKeys;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrations and store operations, run against each supported database by a subclass. */
abstract class StoreContract {
    static Database db;
    static Cloud cloud;

    static void open(Database database) {
        db = database;
        cloud = Cloud.withOutbox(db, Clock.systemUTC(), new PublicUrl("http://cloud.test"));
    }

    @AfterAll
    static void closeDatabase() {
        if (db != null) db.close();
        db = null;
    }

    private static String unique(String s) {
        return s + "-" + Secrets.newId().substring(0, 8);
    }

    private static DeviceFacts facts(String serial) {
        return new DeviceFacts(DeviceKeys.publicKeyPem(DeviceKeys.generate().getPublic()), serial, "host",
                new DeviceFacts.Board("Raspberry Pi 4 Model B", "1.5", "4 GB"), null, "aarch64", "2.9.0");
    }

    @Test
    void migrations_create_every_table() {
        for (String table : List.of("users", "organisations", "memberships", "devices", "device_tags", "auth_keys",
                "auth_key_tags", "api_tokens", "device_codes", "device_events", "outbox", "web_sessions")) {
            long rows = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM " + table + " WHERE 1 = 0"));
            assertEquals(0L, rows, table);
        }
    }

    @Test
    void users_are_stored_and_found_by_email() {
        User u = cloud.accounts.create(unique("Store") + "@Example.org", "password123");
        assertEquals(u.id(), cloud.accounts.findByEmail(u.email().toUpperCase()).orElseThrow().id());
        assertTrue(cloud.accounts.authenticate(u.email(), "password123").isPresent());
        assertTrue(cloud.accounts.authenticate(u.email(), "password124").isEmpty());
        assertThrows(CloudError.class, () -> cloud.accounts.create(u.email(), "password123"));
    }

    @Test
    void organisations_have_an_administrator_and_a_trial() {
        User u = cloud.accounts.create(unique("orgadmin") + "@example.org", "password123");
        Organisation org = cloud.organisations.create(unique("Org"), u);
        assertEquals(Role.ADMINISTRATOR, cloud.organisations.roleOf(org.id(), u.id()).orElseThrow());
        assertEquals(List.of(u.email()), cloud.organisations.administrators(org.id()).stream().map(User::email)
                .toList());
        assertEquals(org.createdAt() + 28L * 24 * 3600 * 1000, org.trialEndsAt());
        assertEquals(1, cloud.organisations.membershipsOf(u.id()).size());
    }

    @Test
    void auth_keys_are_stored_by_hash_with_their_tags_and_claimed_once() {
        User u = cloud.accounts.create(unique("keys") + "@example.org", "password123");
        Organisation org = cloud.organisations.create(unique("KeyOrg"), u);
        Issued<AuthKey> issued = cloud.authKeys.createForOrganisation(org.id(),
                new AuthKeyRequest("d", 2, "pi-1", List.of("b", "a")), null);
        AuthKey stored = db.read(c -> cloud.authKeyStore.findBySecretHash(c, Secrets.sha256Hex(issued.secret())))
                .orElseThrow();
        assertEquals(AuthKeyKind.ORGANISATION, stored.kind());
        assertEquals(List.of("b", "a"), stored.tags());
        assertEquals("pi-1", stored.deviceName());
        long now = System.currentTimeMillis();
        boolean first = db.inTransaction(c -> cloud.authKeyStore.claim(c, stored.id(), now));
        boolean second = db.inTransaction(c -> cloud.authKeyStore.claim(c, stored.id(), now));
        assertTrue(first);
        assertFalse(second);
    }

    @Test
    void a_new_personal_key_revokes_the_unused_previous_one() {
        User u = cloud.accounts.create(unique("personal") + "@example.org", "password123");
        cloud.authKeys.createPersonal(u.id(), new AuthKeyRequest("one", null, null, null), null);
        cloud.authKeys.createPersonal(u.id(), new AuthKeyRequest("two", null, null, null), null);
        List<AuthKey> keys = cloud.authKeys.list(Owner.user(u.id()));
        assertEquals(2, keys.size());
        for (AuthKey k : keys) assertEquals(k.description().equals("one"), k.revoked(), k.description());
    }

    @Test
    void concurrent_exchanges_of_one_key_create_exactly_one_device() throws Exception {
        User u = cloud.accounts.create(unique("race") + "@example.org", "password123");
        String secret = cloud.authKeys.createPersonal(u.id(), new AuthKeyRequest("race", null, null, null), null)
                .secret();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String serial = unique("race");
            tasks.add(() -> {
                try {
                    return cloud.linking.exchangeAuthKey(secret, facts(serial)).id();
                } catch (CloudError e) {
                    return e.deviceCode().wire();
                }
            });
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(tasks)) results.add(f.get());
        pool.shutdown();
        assertEquals(19, results.stream().filter(DeviceErrorCode.AUTH_KEY_USED.wire()::equals).count(), results.toString());
        assertEquals(1, cloud.devices.visibleTo(u.id()).size());
    }

    @Test
    void devices_are_created_relinked_renamed_signed_out_and_removed() {
        User u = cloud.accounts.create(unique("dev") + "@example.org", "password123");
        String serial = unique("serial");
        String first = cloud.authKeys.createPersonal(u.id(), new AuthKeyRequest("a", null, "first", List.of("x")),
                null).secret();
        Device d = cloud.linking.exchangeAuthKey(first, facts(serial));
        assertEquals(List.of("x"), d.tags());
        assertEquals("Raspberry Pi 4 Model B", cloud.devices.require(d.id()).boardModel());
        assertNull(cloud.devices.require(d.id()).osName());
        String second = cloud.authKeys.createPersonal(u.id(), new AuthKeyRequest("b", null, null, null), null)
                .secret();
        Device again = cloud.linking.exchangeAuthKey(second, facts(serial));
        assertEquals(d.id(), again.id());
        assertEquals("first", again.name());
        assertEquals(List.of("x"), cloud.devices.require(d.id()).tags());

        cloud.devices.rename(d.id(), "renamed");
        cloud.devices.signOut(d.id(), "test");
        Device signedOut = cloud.devices.require(d.id());
        assertEquals("renamed", signedOut.name());
        assertFalse(signedOut.signedIn());
        cloud.devices.remove(d.id());
        assertTrue(cloud.devices.find(d.id()).isEmpty());
        List<String> types = db.read(c -> cloud.deviceEventStore.since(c, 0)).stream()
                .filter(e -> e.deviceId().equals(d.id())).map(StoredDeviceEvent::type).sorted().toList();
        assertEquals(List.of("device.removed", "device.renamed", StoredDeviceEvent.SIGNED_OUT), types);
    }

    @Test
    void device_codes_complete_once() {
        User u = cloud.accounts.create(unique("code") + "@example.org", "password123");
        var start = cloud.linking.startDeviceCode(facts(unique("code")));
        DeviceCode code = cloud.linking.findByDeviceCode(start.deviceCode()).orElseThrow();
        assertEquals(DeviceCode.PENDING, code.status());
        assertEquals(code.id(), cloud.linking.findByUserCode(start.userCode().toLowerCase()).orElseThrow().id());
        Device d = cloud.linking.completeDeviceCode(start.userCode(), u.id(), Owner.user(u.id()), "coded");
        assertEquals(d.id(), cloud.linking.findByDeviceCode(start.deviceCode()).orElseThrow().deviceId());
        CloudError again = assertThrows(CloudError.class, () ->
                cloud.linking.completeDeviceCode(start.userCode(), u.id(), Owner.user(u.id()), "coded"));
        assertEquals(CloudError.Kind.GONE, again.kind());
    }

    @Test
    void old_events_are_pruned() {
        long now = System.currentTimeMillis();
        db.inTransaction(c -> {
            cloud.deviceEventStore.insert(c, "old-device", "device.renamed", "{}", now - 3_600_000);
            return null;
        });
        db.inTransaction(c -> cloud.deviceEventStore.deleteBefore(c, now - 60_000));
        assertTrue(db.read(c -> cloud.deviceEventStore.since(c, 0)).stream()
                .noneMatch(e -> e.deviceId().equals("old-device")));
    }
}
