package org.openrpiconnect.cloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.EventSocketClient;
import org.openrpiconnect.cloud.FakeDevice;
import org.openrpiconnect.cloud.TestCloud;
import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.AuditEvent;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.DeviceIdentity;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeploymentReport;
import org.openrpiconnect.protocol.device.DeploymentState;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceDeployments;
import org.openrpiconnect.protocol.device.DeviceError;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.openrpiconnect.protocol.device.DeviceFacts;
import org.openrpiconnect.protocol.device.DeviceKeys;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Management API of seed 001, end to end over HTTP, run on SQLite and on PostgreSQL by the subclasses. */
abstract class ManagementApiContract extends ApiTestBase {

    private static List<String> names(HttpResponse<String> list) {
        List<String> names = new ArrayList<>();
        json(list).get("devices").forEach(d -> names.add(d.get("name").asText()));
        return names;
    }

    private static String query(String q) {
        return "/organisation/devices?query=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    // ---- devices

    @Test
    void devices_are_listed_by_name_with_board_os_kernel_architecture_and_filters() {
        Org org = org("list");
        link(org, "l-2", "b-pi", "production", "kiosk");
        link(org, "l-1", "A-pi");
        link(org, "l-3", "c-pi");
        HttpResponse<String> r = org.api().get("/organisation/devices");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(List.of("A-pi", "b-pi", "c-pi"), names(r));
        JsonNode body = json(r);
        assertEquals(List.of("devices", "meta"), ApiClient.fields(body));
        JsonNode d = body.get("devices").get(1);
        assertEquals(List.of("id", "name", "serial_number", "tags", "board", "os", "kernel_architecture", "filters"),
                ApiClient.fields(d));
        assertEquals("l-2", d.get("serial_number").asText());
        assertEquals("[\"production\",\"kiosk\"]", d.get("tags").toString());
        assertEquals("{\"model\":\"Raspberry Pi 5\",\"revision\":\"1.0\",\"memory\":\"8 GB\"}",
                d.get("board").toString());
        assertEquals("{\"name\":\"Raspberry Pi OS\",\"version\":\"13 (Trixie)\"}", d.get("os").toString());
        assertEquals("aarch64", d.get("kernel_architecture").asText());
        assertEquals("{\"model\":\"5\",\"memory\":\"8gb\",\"os\":\"raspios-13\"}", d.get("filters").toString());
        assertEquals("{\"page\":1,\"per_page\":100,\"total_count\":3,\"total_pages\":1}", body.get("meta").toString());
    }

    @Test
    void a_device_that_reported_no_board_or_os_has_nulls_and_empty_filters() {
        Org org = org("bare");
        FakeDevice bare = new FakeDevice(cloud, "bare-1", "bare");
        bare.board = null;
        bare.os = null;
        link(org, bare, "bare");
        JsonNode d = json(org.api().get("/organisation/devices")).get("devices").get(0);
        assertTrue(d.get("board").isNull());
        assertTrue(d.get("os").isNull());
        assertEquals("{}", d.get("filters").toString());
    }

    @Test
    void query_combines_free_text_with_model_memory_os_and_tags_all_of_which_must_match() {
        Org org = org("query");
        link(org, "aa01", "kiosk-london", "production", "kiosk");
        FakeDevice pi4 = new FakeDevice(cloud, "bb02", "h");
        pi4.board = new DeviceFacts.Board("Raspberry Pi 4B", "1.4", "4 GB");
        pi4.os = new DeviceFacts.Os("Debian GNU/Linux", "12 (bookworm)");
        link(org, pi4, "kiosk-leeds", "production");
        link(org, "cc03", "dashboard-1", "staging", "kiosk");

        assertEquals(List.of("dashboard-1", "kiosk-london"), names(org.api().get(query("model:5"))));
        assertEquals(List.of("kiosk-london"), names(org.api().get(query("tag:production tag:kiosk"))));
        assertEquals(List.of("kiosk-london"), names(org.api().get(query("model:5 tag:production kiosk"))));
        assertEquals(List.of("kiosk-leeds"), names(org.api().get(query("memory:4gb"))));
        assertEquals(List.of("kiosk-leeds"), names(org.api().get(query("os:debian-12"))));
        assertEquals(List.of("kiosk-leeds", "kiosk-london"), names(org.api().get(query("KIOSK"))));
        assertEquals(List.of("kiosk-leeds"), names(org.api().get(query("bb0"))), "serial numbers match too");
        assertEquals(List.of(), names(org.api().get(query("tag:production tag:staging"))));
        assertEquals(List.of("kiosk-leeds"), names(org.api().get(query("\"kiosk-le\""))));
        HttpResponse<String> paged = org.api().get(query("kiosk") + "&per_page=1&page=2");
        assertEquals(List.of("kiosk-london"), names(paged));
        assertEquals("{\"page\":2,\"per_page\":1,\"total_count\":2,\"total_pages\":2}",
                json(paged).get("meta").toString());
    }

    @Test
    void unknown_qualifier_values_are_a_400_that_lists_the_known_ones() {
        Org org = org("badq");
        HttpResponse<String> model = org.api().get(query("model:6"));
        assertEquals(400, model.statusCode());
        assertTrue(json(model).get("message").asText().contains("4b, zero-2-w"), model.body());
        assertEquals(400, org.api().get(query("memory:3gb")).statusCode());
        assertEquals(400, org.api().get(query("tag:Not_Valid!")).statusCode());
        HttpResponse<String> empty = org.api().get(query("model:"));
        assertEquals(400, empty.statusCode());
        assertTrue(json(empty).get("message").asText().contains("model:5"), empty.body());
    }

    @Test
    void pages_report_meta_and_per_page_is_at_most_100() {
        Org org = org("pages");
        link(org, "p-1", "p1");
        link(org, "p-2", "p2");
        link(org, "p-3", "p3");
        HttpResponse<String> first = org.api().get("/organisation/devices?per_page=2");
        assertEquals(List.of("p1", "p2"), names(first));
        assertEquals("{\"page\":1,\"per_page\":2,\"total_count\":3,\"total_pages\":2}",
                json(first).get("meta").toString());
        assertEquals(List.of("p3"), names(org.api().get("/organisation/devices?per_page=2&page=2")));
        assertEquals(List.of(), names(org.api().get("/organisation/devices?page=9")));
        assertEquals(100, json(org.api().get("/organisation/devices?per_page=500")).get("meta").get("per_page")
                .asInt());
        assertEquals(400, org.api().get("/organisation/devices?page=0").statusCode());
        HttpResponse<String> text = org.api().get("/organisation/devices?page=two");
        assertEquals(400, text.statusCode());
        assertEquals("{\"message\":\"page must be a whole number, not 'two'\"}", text.body());
        assertEquals(400, org.api().get("/organisation/devices?per_page=0").statusCode());
    }

    @Test
    void deleting_a_device_signs_it_out_through_its_event_socket_and_is_audited() throws Exception {
        Org org = org("delete");
        FakeDevice device = link(org, "del-1", "doomed");
        try (EventSocketClient socket = EventSocketClient.connect(cloud, device)) {
            assertEquals(DeviceEvent.HELLO, socket.next(5000).type());
            HttpResponse<String> r = org.api().delete("/organisation/devices/" + device.deviceId);
            assertEquals(204, r.statusCode(), r.body());
            assertEquals("", r.body());
            DeviceEvent removed = socket.next(3000);
            assertNotNull(removed, "no removal event within 3 s");
            assertEquals(DeviceEvent.REMOVED, removed.type());
            assertEquals(DeviceApi.CLOSE_SIGNED_OUT, socket.closeCode.get(3, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), names(org.api().get("/organisation/devices")));
        HttpResponse<String> self = device.get(DeviceApi.SELF);
        assertEquals(401, self.statusCode());
        assertEquals(DeviceErrorCode.DEVICE_UNKNOWN, Json.read(self.body(), DeviceError.class).code());
        assertEquals(404, org.api().delete("/organisation/devices/" + device.deviceId).statusCode());
        AuditEvent e = audit(org).stream().filter(a -> a.action().equals("device.deleted")).findFirst().orElseThrow();
        assertEquals(AuditEvent.SOURCE_API, e.source());
        assertEquals(device.deviceId, e.subjectId());
        assertEquals("doomed", e.subjectName());
        assertNull(e.countryCode(), "loopback has no country");
    }

    // ---- device identities

    @Test
    void device_identities_are_created_with_a_signature_then_listed_shown_and_updated() {
        Org org = org("ident");
        KeyPair b = DeviceKeys.generate();
        KeyPair a = DeviceKeys.generate();
        HttpResponse<String> created = createIdentity(org, b, identityJson(b, "b-identity", "pi5-001"), "*/*");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("application/json; charset=utf-8", created.headers().firstValue("Content-Type").orElseThrow());
        JsonNode c = json(created);
        assertEquals(List.of("id", "description", "device_name", "created_at", "public_key"), ApiClient.fields(c));
        assertEquals("pi5-001", c.get("device_name").asText());
        assertEquals(DeviceKeys.publicKeyPem(b.getPublic()), c.get("public_key").asText());
        assertTrue(c.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(201, createIdentity(org, a, identityJson(a, "a-identity", null), null).statusCode(),
                "no Accept header: no Accept line in the payload");

        JsonNode list = json(org.api().get("/organisation/device-identities"));
        assertEquals(List.of("device_identities", "meta"), ApiClient.fields(list));
        assertEquals("a-identity", list.get("device_identities").get(0).get("description").asText());
        JsonNode item = list.get("device_identities").get(1);
        assertEquals(List.of("id", "description", "device_name", "tags", "created_at", "public_key"),
                ApiClient.fields(item));
        assertEquals(2, list.get("meta").get("total_count").asInt());

        String id = c.get("id").asText();
        JsonNode shown = json(org.api().get("/organisation/device-identities/" + id));
        assertEquals(ApiClient.fields(item), ApiClient.fields(shown));
        HttpResponse<String> patched = org.api().patchJson("/organisation/device-identities/" + id,
                "{\"description\":\"my-renamed-device-identity\",\"device_name\":\"pi5-009\","
                        + "\"tags\":[\"production\",\"kiosk\"]}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("my-renamed-device-identity", json(patched).get("description").asText());
        assertEquals("pi5-009", json(patched).get("device_name").asText());
        assertEquals("[\"production\",\"kiosk\"]", json(patched).get("tags").toString());
        HttpResponse<String> blank = org.api().patchJson("/organisation/device-identities/" + id,
                "{\"description\":\"  \"}");
        assertEquals(422, blank.statusCode());
        assertEquals("{\"message\":\"Validation failed: Description can't be blank\"}", blank.body());
        HttpResponse<String> badTags = org.api().patchJson("/organisation/device-identities/" + id,
                "{\"tags\":[\"Kiosk\"]}");
        assertEquals(422, badTags.statusCode());
        HttpResponse<String> form = org.api().send("PATCH", "/organisation/device-identities/" + id,
                "application/x-www-form-urlencoded", "description=from-a-form&tags%5B%5D=staging", Map.of());
        assertEquals(200, form.statusCode(), form.body());
        assertEquals("from-a-form", json(form).get("description").asText());
        assertEquals("[\"staging\"]", json(form).get("tags").toString());
        assertEquals("pi5-009", json(form).get("device_name").asText(), "a field not sent is kept");
    }

    @Test
    void a_bad_signature_or_a_bad_key_is_a_422_and_stores_nothing() throws Exception {
        Org org = org("badsig");
        KeyPair device = DeviceKeys.generate();
        KeyPair other = DeviceKeys.generate();
        String body = identityJson(device, "d", null);

        HttpResponse<String> wrongKey = createIdentity(org, other, body, null);
        assertEquals(422, wrongKey.statusCode());
        assertEquals("{\"message\":\"Validation failed: Signature is invalid\"}", wrongKey.body());

        String payloadOfOtherBody = IdentitySigner.payload("POST", cloud.url + "/organisation/device-identities",
                "Bearer " + org.token(), "application/json", null, body + " ");
        HttpResponse<String> otherBody = org.api().send("POST", "/organisation/device-identities",
                "application/json", body, Map.of("X-Connect-Identity-Signature",
                        IdentitySigner.sign(device.getPrivate(), payloadOfOtherBody)));
        assertEquals("{\"message\":\"Validation failed: Signature is invalid\"}", otherBody.body());

        HttpResponse<String> missing = org.api().postJson("/organisation/device-identities", body);
        assertEquals(422, missing.statusCode());
        assertEquals("{\"message\":\"Validation failed: Signature can't be blank\"}", missing.body());

        HttpResponse<String> garbage = org.api().send("POST", "/organisation/device-identities", "application/json",
                body, Map.of("X-Connect-Identity-Signature", "signaturehere"));
        assertEquals("{\"message\":\"Validation failed: Signature is invalid\"}", garbage.body());

        String notAKey = "{\"public_key\":\"-----BEGIN PUBLIC KEY-----...\",\"description\":\"d\"}";
        HttpResponse<String> badKey = createIdentity(org, device, notAKey, null);
        assertEquals(422, badKey.statusCode());
        assertEquals("{\"message\":\"Validation failed: Public key is invalid\"}", badKey.body());

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaKeys = rsa.generateKeyPair();
        String rsaBody = Json.write(Map.of("public_key", DeviceKeys.publicKeyPem(rsaKeys.getPublic()),
                "description", "rsa"));
        assertEquals("{\"message\":\"Validation failed: Public key is invalid\"}",
                createIdentity(org, device, rsaBody, null).body(), "only EC P-256 keys");

        assertEquals(0, json(org.api().get("/organisation/device-identities")).get("meta").get("total_count").asInt());
        long stored = cloud.db.read(c -> Sql.count(c,
                "SELECT COUNT(*) FROM device_identities WHERE organisation_id = ?", org.id()));
        assertEquals(0L, stored);
        assertTrue(audit(org).isEmpty(), "a refused identity is not audited either");
    }

    @Test
    void one_public_key_is_one_identity() {
        Org org = org("dupkey");
        Org other = org("dupkey2");
        KeyPair key = DeviceKeys.generate();
        assertEquals(201, createIdentity(org, key, identityJson(key, "first", null), null).statusCode());
        HttpResponse<String> again = createIdentity(other, key, identityJson(key, "second", null), null);
        assertEquals(422, again.statusCode());
        assertEquals("{\"message\":\"Validation failed: Public key has already been taken\"}", again.body());
    }

    @Test
    void a_device_signs_in_with_its_identity_gets_its_name_and_tags_and_billing_starts() {
        Org org = org("exchange");
        KeyPair identity = DeviceKeys.generate();
        String id = id(createIdentity(org, identity, identityJson(identity, "kiosk identity", "pi5-id",
                "production", "kiosk"), null));
        assertNull(cloud.cloud.deviceIdentities.show(org.id(), id).exchangedAt(), "not exchanged before sign-in");

        FakeDevice device = new FakeDevice(cloud, "ident-1", "raspberrypi");
        HttpResponse<String> signIn = device.signInWithIdentity(identity);
        assertEquals(201, signIn.statusCode(), signIn.body());
        JsonNode listed = json(org.api().get(query("tag:production tag:kiosk"))).get("devices").get(0);
        assertEquals("pi5-id", listed.get("name").asText());
        assertEquals("Raspberry Pi 5", listed.get("board").get("model").asText());
        DeviceIdentity exchanged = cloud.cloud.deviceIdentities.show(org.id(), id);
        assertNotNull(exchanged.exchangedAt());
        assertEquals(device.deviceId, exchanged.deviceId());
        Device d = cloud.cloud.devices.require(device.deviceId);
        assertEquals(exchanged.exchangedAt(), d.billableSince(), "billing starts at the exchange");
        assertEquals(200, device.get(DeviceApi.SELF).statusCode(), "later requests use the device's own key");

        FakeDevice again = new FakeDevice(cloud, "ident-1", "raspberrypi");
        assertEquals(201, again.signInWithIdentity(identity).statusCode());
        assertEquals(device.deviceId, again.deviceId, "identities are multi-use: the same device again");
        assertEquals(exchanged.exchangedAt(), cloud.cloud.deviceIdentities.show(org.id(), id).exchangedAt());

        FakeDevice stranger = new FakeDevice(cloud, "ident-2", "x");
        HttpResponse<String> unknown = stranger.signInWithIdentity(DeviceKeys.generate());
        assertEquals(401, unknown.statusCode());
        assertEquals(DeviceErrorCode.IDENTITY_UNKNOWN, Json.read(unknown.body(), DeviceError.class).code());
    }

    @Test
    void identity_sign_in_signed_by_another_key_is_refused() {
        Org org = org("forged");
        KeyPair identity = DeviceKeys.generate();
        createIdentity(org, identity, identityJson(identity, "forged", null), null);
        FakeDevice device = new FakeDevice(cloud, "forged-1", "x");
        byte[] body = Json.writeBytes(new org.openrpiconnect.protocol.device.IdentitySignIn(
                DeviceKeys.publicKeyPem(identity.getPublic()), device.facts()));
        HttpResponse<String> r = device.send("POST", DeviceApi.SIGNIN_IDENTITY, body, body, null,
                DeviceKeys.generate().getPrivate(), device.serial, device.nowSeconds());
        assertEquals(401, r.statusCode());
        assertEquals(DeviceErrorCode.BAD_SIGNATURE, Json.read(r.body(), DeviceError.class).code());
        assertEquals(0, json(org.api().get("/organisation/devices")).get("meta").get("total_count").asInt());
    }

    @Test
    void once_exchanged_only_the_description_of_an_identity_changes() {
        Org org = org("frozen");
        KeyPair identity = DeviceKeys.generate();
        String id = id(createIdentity(org, identity, identityJson(identity, "before", "pi5-frozen", "production"),
                null));
        assertEquals(201, new FakeDevice(cloud, "frozen-1", "h").signInWithIdentity(identity).statusCode());
        HttpResponse<String> r = org.api().patchJson("/organisation/device-identities/" + id,
                "{\"description\":\"after\",\"device_name\":\"renamed\",\"tags\":[\"staging\"]}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("after", json(r).get("description").asText());
        assertEquals("pi5-frozen", json(r).get("device_name").asText());
        assertEquals("[\"production\"]", json(r).get("tags").toString());
    }

    @Test
    void deleting_an_exchanged_identity_deletes_its_device_and_signs_it_out() throws Exception {
        Org org = org("idelete");
        KeyPair identity = DeviceKeys.generate();
        String id = id(createIdentity(org, identity, identityJson(identity, "gone", null), null));
        FakeDevice device = new FakeDevice(cloud, "idel-1", "h");
        assertEquals(201, device.signInWithIdentity(identity).statusCode());
        try (EventSocketClient socket = EventSocketClient.connect(cloud, device)) {
            assertEquals(DeviceEvent.HELLO, socket.next(5000).type());
            assertEquals(204, org.api().delete("/organisation/device-identities/" + id).statusCode());
            assertEquals(DeviceEvent.REMOVED, socket.next(3000).type());
            assertEquals(DeviceApi.CLOSE_SIGNED_OUT, socket.closeCode.get(3, TimeUnit.SECONDS));
        }
        assertTrue(cloud.cloud.devices.find(device.deviceId).isEmpty());
        assertEquals(404, org.api().get("/organisation/device-identities/" + id).statusCode());
        assertEquals(401, new FakeDevice(cloud, "idel-1", "h").signInWithIdentity(identity).statusCode(),
                "a deleted identity no longer signs in");
    }

    // ---- artefacts

    @Test
    void artefacts_are_created_from_json_or_form_listed_by_name_and_validated() {
        Org org = org("artefacts");
        HttpResponse<String> json = org.api().postJson("/organisation/artefacts", artefactJson("kiosk-v2.0"));
        assertEquals(201, json.statusCode(), json.body());
        assertEquals(List.of("id", "name", "uri", "checksum"), ApiClient.fields(json(json)));
        HttpResponse<String> form = org.api().postForm("/organisation/artefacts", "name", "Kiosk-v1.0", "uri",
                "https://example.com/kiosk-v1.0.tar.zst", "checksum",
                "D39FC02AD7878DB7F6803F54DFCE89346A763A603CB8E62221BA893FEE9C5CC6");
        assertEquals(201, form.statusCode(), form.body());
        assertEquals("d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6",
                json(form).get("checksum").asText());
        JsonNode list = json(org.api().get("/organisation/artefacts"));
        assertEquals(List.of("artefacts", "meta"), ApiClient.fields(list));
        assertEquals("Kiosk-v1.0", list.get("artefacts").get(0).get("name").asText());
        assertEquals("kiosk-v2.0", list.get("artefacts").get(1).get("name").asText());

        assertEquals("{\"message\":\"Validation failed: Name can't be blank\"}", org.api().postJson(
                "/organisation/artefacts", artefactJson("")).body());
        HttpResponse<String> taken = org.api().postJson("/organisation/artefacts", artefactJson("kiosk-v2.0"));
        assertEquals(422, taken.statusCode());
        assertEquals("{\"message\":\"Validation failed: Name has already been taken\"}", taken.body());
        assertEquals("{\"message\":\"Validation failed: Uri is invalid, Checksum is invalid\"}", org.api().postForm(
                "/organisation/artefacts", "name", "x", "uri", "not a uri", "checksum", "abc").body());
        assertEquals(201, org(("other")).api().postJson("/organisation/artefacts", artefactJson("kiosk-v2.0"))
                .statusCode(), "names are unique within an organisation only");
    }

    @Test
    void a_deployed_artefact_cannot_be_deleted_but_an_unused_one_can() {
        Org org = org("artdel");
        FakeDevice device = link(org, "ad-1", "ad");
        String used = id(org.api().postJson("/organisation/artefacts", artefactJson("used")));
        String unused = id(org.api().postJson("/organisation/artefacts", artefactJson("unused")));
        assertEquals(201, org.api().postForm("/organisation/devices/" + device.deviceId + "/deployments",
                "artefact_id", used).statusCode());
        HttpResponse<String> refused = org.api().delete("/organisation/artefacts/" + used);
        assertEquals(422, refused.statusCode());
        assertEquals("{\"message\":\"Cannot delete artefacts that have been deployed\"}", refused.body());
        assertEquals(204, org.api().delete("/organisation/artefacts/" + unused).statusCode());
        assertEquals(404, org.api().delete("/organisation/artefacts/" + unused).statusCode());
    }

    // ---- deployments

    @Test
    void deployments_supersede_cancel_and_take_the_device_reports() throws Exception {
        Org org = org("deploy");
        FakeDevice device = link(org, "dep-1", "dep");
        String artefact = id(org.api().postJson("/organisation/artefacts", artefactJson("app-v1")));
        String path = "/organisation/devices/" + device.deviceId + "/deployments";
        try (EventSocketClient socket = EventSocketClient.connect(cloud, device)) {
            assertEquals(DeviceEvent.HELLO, socket.next(5000).type());
            HttpResponse<String> first = org.api().postJson(path, "{\"artefact_id\":\"" + artefact + "\"}");
            assertEquals(201, first.statusCode(), first.body());
            JsonNode d1 = json(first);
            assertEquals(List.of("id", "state", "state_reason", "device_id", "artefact_id", "created_at", "updated_at"),
                    ApiClient.fields(d1));
            assertEquals("pending", d1.get("state").asText());
            assertTrue(d1.get("state_reason").isNull());
            DeviceEvent told = socket.next(3000);
            assertNotNull(told, "the device hears of a new deployment");
            assertEquals(DeviceEvent.DEPLOYMENTS_CHANGED, told.type());
        }
        DeviceDeployments open = Json.read(device.get(DeviceApi.DEPLOYMENTS).body(), DeviceDeployments.class);
        assertEquals(1, open.deployments().size());
        assertEquals("https://example.com/app-v1.tar.zst", open.deployments().get(0).uri());

        String d1 = open.deployments().get(0).id();
        String d2 = id(org.api().postForm(path, "artefact_id", artefact));
        JsonNode superseded = json(org.api().get("/organisation/deployments/" + d1));
        assertEquals("failed", superseded.get("state").asText());
        assertEquals("Superseded by a newer deployment", superseded.get("state_reason").asText());
        JsonNode list = json(org.api().get(path));
        assertEquals(List.of("deployments", "meta"), ApiClient.fields(list));
        assertEquals(d2, list.get("deployments").get(0).get("id").asText(), "newest first");
        assertEquals(d1, list.get("deployments").get(1).get("id").asText());

        HttpResponse<String> cancelled = org.api().put("/organisation/deployments/" + d2 + "/cancel");
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("cancelled", json(cancelled).get("state").asText());
        HttpResponse<String> again = org.api().put("/organisation/deployments/" + d2 + "/cancel");
        assertEquals(422, again.statusCode());
        assertEquals("{\"message\":\"Cannot cancel deployment in state \\\"cancelled\\\"\"}", again.body());
        assertEquals(409, report(device, d2, DeploymentState.IN_PROGRESS, null).statusCode(),
                "a cancelled deployment takes no reports");

        String d3 = id(org.api().postJson(path, "{\"artefact_id\":\"" + artefact + "\"}"));
        assertEquals(200, report(device, d3, DeploymentState.IN_PROGRESS, null).statusCode());
        assertEquals(200, report(device, d3, DeploymentState.IN_PROGRESS, null).statusCode(), "a retry is fine");
        assertEquals("{\"message\":\"Cannot cancel deployment in state \\\"in_progress\\\"\"}",
                org.api().put("/organisation/deployments/" + d3 + "/cancel").body());
        assertEquals(400, report(device, d3, DeploymentState.FAILED, null).statusCode(), "a failure needs a reason");
        assertEquals(200, report(device, d3, DeploymentState.FAILED, "Checksum mismatch").statusCode());
        JsonNode failed = json(org.api().get("/organisation/deployments/" + d3));
        assertEquals("failed", failed.get("state").asText());
        assertEquals("Checksum mismatch", failed.get("state_reason").asText());
        assertEquals("{\"message\":\"Cannot cancel deployment in state \\\"failed\\\"\"}",
                org.api().put("/organisation/deployments/" + d3 + "/cancel").body());
        assertEquals(409, report(device, d3, DeploymentState.SUCCEEDED, null).statusCode());

        String d4 = id(org.api().postJson(path, "{\"artefact_id\":\"" + artefact + "\"}"));
        assertEquals(200, report(device, d4, DeploymentState.SUCCEEDED, null).statusCode());
        assertEquals("succeeded", json(org.api().get("/organisation/deployments/" + d4)).get("state").asText());
        FakeDevice other = link(org, "dep-2", "other");
        HttpResponse<String> notItsOwn = report(other, d4, DeploymentState.FAILED, "x");
        assertEquals(404, notItsOwn.statusCode());
        assertEquals(DeviceErrorCode.NOT_FOUND, Json.read(notItsOwn.body(), DeviceError.class).code());
    }

    private static HttpResponse<String> report(FakeDevice device, String deploymentId, DeploymentState state,
                                               String reason) {
        return device.post(DeviceApi.deploymentState(deploymentId), Json.writeBytes(new DeploymentReport(state,
                reason)), true);
    }

    @Test
    void creating_a_deployment_needs_an_artefact_id_and_known_ids() {
        Org org = org("depbad");
        FakeDevice device = link(org, "db-1", "db");
        String path = "/organisation/devices/" + device.deviceId + "/deployments";
        HttpResponse<String> missing = org.api().postJson(path, "{}");
        assertEquals(400, missing.statusCode());
        assertTrue(json(missing).get("message").asText().contains("artefact_id"), missing.body());
        assertEquals(400, org.api().postForm(path, "artefact_id", "").statusCode());
        assertEquals(404, org.api().postJson(path, "{\"artefact_id\":\"nope\"}").statusCode());
        assertEquals(404, org.api().postJson("/organisation/devices/nope/deployments", "{\"artefact_id\":\"x\"}")
                .statusCode());
        assertEquals(404, org.api().get("/organisation/devices/nope/deployments").statusCode());
        assertEquals(404, org.api().get("/organisation/deployments/nope").statusCode());
    }

    @Test
    void deployments_are_blocked_after_the_trial_until_billing_is_set_up() {
        Org org = org("billing");
        FakeDevice device = link(org, "bill-1", "bill");
        String artefact = id(org.api().postJson("/organisation/artefacts", artefactJson("billed")));
        String path = "/organisation/devices/" + device.deviceId + "/deployments";
        assertEquals(201, org.api().postForm(path, "artefact_id", artefact).statusCode(), "during the trial");
        TestCloud.CommandResult ended = cloud.command("org", "trial-end", org.name(), "--at",
                Instant.now().minusSeconds(60).toString());
        assertEquals(0, ended.code(), ended.err());
        HttpResponse<String> blocked = org.api().postForm(path, "artefact_id", artefact);
        assertEquals(403, blocked.statusCode());
        assertEquals("application/json; charset=utf-8", blocked.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"message\":\"Deployments are blocked until billing has been set up\"}", blocked.body());
        assertEquals(0, cloud.command("org", "billing", org.name(), "--enabled", "true").code());
        assertEquals(201, org.api().postForm(path, "artefact_id", artefact).statusCode(), "billing set up");
        assertEquals(0, cloud.command("org", "billing", org.name(), "--enabled", "false").code());
        assertEquals(403, org.api().postForm(path, "artefact_id", artefact).statusCode());
    }

    // ---- audit, tokens, rate limit

    @Test
    void every_change_through_the_api_is_audited_with_its_actor_and_no_ip() {
        Org org = org("audit");
        FakeDevice device = link(org, "au-1", "audited");
        KeyPair key = DeviceKeys.generate();
        String identity = id(createIdentity(org, key, identityJson(key, "audited identity", null), null));
        org.api().patchJson("/organisation/device-identities/" + identity, "{\"description\":\"renamed\"}");
        org.api().delete("/organisation/device-identities/" + identity);
        String artefact = id(org.api().postJson("/organisation/artefacts", artefactJson("audited")));
        String spare = id(org.api().postJson("/organisation/artefacts", artefactJson("spare")));
        org.api().delete("/organisation/artefacts/" + spare);
        String deployment = id(org.api().postForm("/organisation/devices/" + device.deviceId + "/deployments",
                "artefact_id", artefact));
        org.api().put("/organisation/deployments/" + deployment + "/cancel");
        org.api().delete("/organisation/devices/" + device.deviceId);
        org.api().get("/organisation/devices");

        List<AuditEvent> events = audit(org);
        Set<String> actions = new TreeSet<>();
        for (AuditEvent e : events) {
            actions.add(e.action());
            assertEquals("API", e.source());
            assertEquals("api_token", e.actorType());
            assertEquals("created with rpi-connect-cloud", e.actorName());
            assertNull(e.countryCode());
            assertTrue(e.createdAt() > 0);
        }
        assertEquals(new TreeSet<>(List.of("auth_key.created", "device_identity.created", "device_identity.updated",
                "device_identity.deleted", "artefact.created", "artefact.deleted", "deployment.created",
                "deployment.cancelled", "device.deleted")), actions);
        assertEquals(10, events.size(), "one per change (auth key, identity x3, artefact x3, deployment x2, device),"
                + " none for reads: " + events);
        List<String> columns = cloud.db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT * FROM audit_events WHERE 1 = 0")) {
                List<String> out = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.add(rs.getMetaData().getColumnName(i).toLowerCase());
                }
                return out;
            }
        });
        assertTrue(columns.contains("country_code"), columns.toString());
        assertFalse(columns.stream().anyMatch(c -> c.contains("ip") || c.contains("address")), columns.toString());
        assertFalse(events.toString().contains("127.0.0.1"), "no address in any value");
    }

    @Test
    void a_token_acts_only_in_its_own_organisation() {
        Org mine = org("mine");
        Org theirs = org("theirs");
        link(theirs, "th-1", "theirs-device");
        assertEquals(List.of(), names(mine.api().get("/organisation/devices")));
        String key = json(mine.api().postJson("/organisation/auth-keys", "{\"description\":\"k\"}")).get("secret")
                .asText();
        FakeDevice d = new FakeDevice(cloud, "mine-1", "h");
        assertEquals(201, d.signInWithAuthKey(key).statusCode());
        assertEquals(mine.id(), cloud.cloud.devices.require(d.deviceId).owner().id(), "keys link to the token's org");
    }

    @Test
    void the_rate_limit_is_per_token_shared_by_every_instance_with_headers_and_a_429() {
        Org org = org("rate");
        try (TestCloud first = TestCloud.start(jdbcUrl, dbUser, 3);
             TestCloud second = TestCloud.start(jdbcUrl, dbUser, 3)) {
            ApiClient a = new ApiClient(first.url, org.token());
            ApiClient b = new ApiClient(second.url, org.token());
            HttpResponse<String> r1 = a.get("/organisation/artefacts");
            assertEquals(200, r1.statusCode());
            assertEquals("3", r1.headers().firstValue("X-Rate-Limit-Limit").orElseThrow());
            assertEquals("2", r1.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
            long reset = Long.parseLong(r1.headers().firstValue("X-Rate-Limit-Reset").orElseThrow());
            long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
            assertTrue(Math.abs(reset - inAnHour) <= 5, "resets an hour after the first call: " + reset);
            assertEquals("1", b.get("/organisation/artefacts").headers().firstValue("X-Rate-Limit-Remaining")
                    .orElseThrow(), "the other instance counts on");
            assertEquals(200, a.get("/organisation/artefacts").statusCode());
            HttpResponse<String> over = b.get("/organisation/artefacts");
            assertEquals(429, over.statusCode());
            assertEquals("0", over.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
            long retryAfter = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 3500 && retryAfter <= 3600, "Retry-After " + retryAfter);
            assertTrue(json(over).get("message").asText().contains("3 requests per hour"), over.body());
            assertEquals(200, new ApiClient(first.url, cloud.token(org.name())).get("/organisation/artefacts")
                    .statusCode(), "another token has its own count");
        }
    }

    @Test
    void a_token_in_the_query_string_is_refused_on_any_endpoint() {
        Org org = org("query-token");
        HttpResponse<String> r = org.api().get("/organisation/devices?access_token=" + org.token());
        assertEquals(401, r.statusCode());
        assertTrue(json(r).get("message").asText().contains("URL"), r.body());
    }

    @Test
    void the_openapi_document_is_served_without_a_token() {
        HttpResponse<String> r = new ApiClient(cloud.url, null).get("/organisation/openapi.json");
        assertEquals(200, r.statusCode());
        assertEquals("3.0.3", json(r).get("openapi").asText());
    }
}
