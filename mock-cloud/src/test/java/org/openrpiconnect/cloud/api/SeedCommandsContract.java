package org.openrpiconnect.cloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.cloud.CloudJson;
import org.openrpiconnect.cloud.FakeDevice;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceKeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every curl command of seed 001, and its bulk provisioning script, run as written (test resources
 * {@code seed001/}, checked against the seed by {@link SeedCopiesTest}) against this cloud: only the host and the
 * token are swapped. Each command runs as written first (its placeholder ids give the documented 404, its
 * placeholder key the documented 422), then with the placeholders replaced as the seed says, for the documented
 * success. curl's status and content type are read through a curlrc (CURL_HOME), so the command line stays as
 * written.
 */
abstract class SeedCommandsContract extends ApiTestBase {
    private static final String SEED_HOST = "https://api.connect.raspberrypi.com";
    private static final String SEED_TOKEN = "rporg_accesstokenhere";
    private static final String JSON = "application/json; charset=utf-8";
    private static final List<String> COMMANDS = resourceLines("/seed001/curl-commands.txt");

    @TempDir
    Path dir;

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return CloudJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        List<String> fields() {
            return ApiClient.fields(json());
        }
    }

    /** The seed's command that ends with {@code ending} and contains all of {@code parts} (exactly one must). */
    private static String command(String ending, String... parts) {
        List<String> found = COMMANDS.stream().filter(c -> c.endsWith(ending))
                .filter(c -> List.of(parts).stream().allMatch(c::contains)).toList();
        assertEquals(1, found.size(), "seed commands ending " + ending + " with " + List.of(parts) + ": " + found);
        return found.get(0);
    }

    /** Just the token then the URL: a GET without options. */
    private static final String PLAIN_GET = "curl --header 'Authorization: Bearer rporg_accesstokenhere' https://";

    private Reply curl(Org org, String command, Map<String, String> placeholders) throws Exception {
        String c = command.replace(SEED_HOST, cloud.url).replace(SEED_TOKEN, org.token());
        for (Map.Entry<String, String> p : placeholders.entrySet()) c = c.replace(p.getKey(), p.getValue());
        Path curlHome = Files.createDirectories(dir.resolve("curl-home"));
        Files.writeString(curlHome.resolve(".curlrc"),
                "silent\nshow-error\nwrite-out = \"\\n%{http_code} %{content_type}\"\n");
        String out = run(c, curlHome);
        int nl = out.lastIndexOf('\n');
        String[] status = out.substring(nl + 1).split(" ", 2);
        return new Reply(Integer.parseInt(status[0]), status.length > 1 ? status[1] : "", out.substring(0, nl));
    }

    private Reply curl(Org org, String command) throws Exception {
        return curl(org, command, Map.of());
    }

    private String run(String script, Path curlHome) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("CURL_HOME", curlHome.toString());
        pb.environment().put("HOME", curlHome.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + script);
        assertEquals(0, p.exitValue(), script + "\n" + out);
        return out;
    }

    private static void assertMessage(Reply r, int status, String message) {
        assertEquals(status, r.status(), r.body());
        assertEquals(JSON, r.contentType());
        assertEquals(Json.write(Map.of("message", message)), r.body());
    }

    private static void assertNotFound(Reply r) {
        assertEquals(404, r.status(), r.body());
        assertEquals(JSON, r.contentType());
        assertEquals(List.of("message"), r.fields());
    }

    @Test
    void device_identity_commands_give_the_documented_statuses_and_bodies() throws Exception {
        Org org = org("seed-identities");
        String create = command("", "X-Connect-Identity-Signature: signaturehere");
        assertMessage(curl(org, create), 422, "Validation failed: Public key is invalid");

        KeyPair key = DeviceKeys.generate();
        String pem = DeviceKeys.publicKeyPem(key.getPublic());
        String jsonPem = Json.write(pem);
        jsonPem = jsonPem.substring(1, jsonPem.length() - 1);
        String body = "{\"public_key\":\"" + jsonPem + "\",\"description\":\"my-device-identity\","
                + "\"device_name\":\"pi5-001\"}";
        assertTrue(create.contains("'" + body.replace(jsonPem, "-----BEGIN PUBLIC KEY-----...") + "'"),
                "the body curl sends is the seed's, with the key");
        String payload = IdentitySigner.payload("POST", cloud.url + "/organisation/device-identities",
                "Bearer " + org.token(), "application/json", "*/*", body);
        Reply created = curl(org, create, Map.of("-----BEGIN PUBLIC KEY-----...", jsonPem, "signaturehere",
                IdentitySigner.sign(key.getPrivate(), payload)));
        assertEquals(201, created.status(), created.body());
        assertEquals(JSON, created.contentType());
        assertEquals(List.of("id", "description", "device_name", "created_at", "public_key"), created.fields());
        assertEquals(pem, created.json().get("public_key").asText());
        Map<String, String> id = Map.of("device-identity-id", created.json().get("id").asText());

        Reply list = curl(org, command("/organisation/device-identities", PLAIN_GET));
        assertEquals(200, list.status());
        assertEquals(List.of("device_identities", "meta"), list.fields());
        assertEquals(List.of("id", "description", "device_name", "tags", "created_at", "public_key"),
                ApiClient.fields(list.json().get("device_identities").get(0)));
        assertEquals("{\"page\":1,\"per_page\":100,\"total_count\":1,\"total_pages\":1}",
                list.json().get("meta").toString());

        String show = command("/device-identities/device-identity-id", PLAIN_GET);
        assertNotFound(curl(org, show));
        Reply shown = curl(org, show, id);
        assertEquals(200, shown.status());
        assertEquals(List.of("id", "description", "device_name", "tags", "created_at", "public_key"), shown.fields());

        String update = command("", "--request PATCH");
        assertNotFound(curl(org, update));
        Reply updated = curl(org, update, id);
        assertEquals(200, updated.status(), updated.body());
        assertEquals("my-renamed-device-identity", updated.json().get("description").asText());
        assertEquals("[\"production\",\"kiosk\"]", updated.json().get("tags").toString());

        String delete = command("/device-identities/device-identity-id", "--request DELETE");
        assertNotFound(curl(org, delete));
        Reply deleted = curl(org, delete, id);
        assertEquals(204, deleted.status());
        assertEquals("", deleted.body());
    }

    @Test
    void auth_key_and_device_commands_give_the_documented_statuses_and_bodies() throws Exception {
        Org org = org("seed-devices");
        Reply key = curl(org, command("", "--data-urlencode 'description=my-auth-key'"));
        assertEquals(201, key.status(), key.body());
        assertEquals(JSON, key.contentType());
        assertEquals(List.of("id", "description", "device_name", "tags", "secret", "expires_at"), key.fields());
        assertEquals("[\"production\",\"kiosk\"]", key.json().get("tags").toString());
        FakeDevice device = new FakeDevice(cloud, "ea636879c4d47a37", "raspberrypi5");
        assertEquals(201, device.signInWithAuthKey(key.json().get("secret").asText()).statusCode());

        Reply list = curl(org, command("/organisation/devices", PLAIN_GET));
        assertEquals(200, list.status());
        assertEquals(List.of("devices", "meta"), list.fields());
        JsonNode d = list.json().get("devices").get(0);
        assertEquals(List.of("id", "name", "serial_number", "tags", "board", "os", "kernel_architecture", "filters"),
                ApiClient.fields(d));
        assertEquals("pi5-001", d.get("name").asText());
        assertEquals("{\"model\":\"5\",\"memory\":\"8gb\",\"os\":\"raspios-13\"}", d.get("filters").toString());

        Reply page2 = curl(org, command("?page=2'"));
        assertEquals(200, page2.status());
        assertEquals("{\"page\":2,\"per_page\":100,\"total_count\":1,\"total_pages\":1}",
                page2.json().get("meta").toString());
        assertEquals(0, page2.json().get("devices").size());
        Reply perPage = curl(org, command("?per_page=10'"));
        assertEquals(10, perPage.json().get("meta").get("per_page").asInt());
        Reply query = curl(org, command("", "--get --data-urlencode 'query=model:5 tag:production'"));
        assertEquals(200, query.status());
        assertEquals(device.deviceId, query.json().get("devices").get(0).get("id").asText());

        String delete = command("/organisation/devices/device-id", "--request DELETE");
        assertNotFound(curl(org, delete));
        Reply deleted = curl(org, delete, Map.of("device-id", device.deviceId));
        assertEquals(204, deleted.status());
        assertEquals("", deleted.body());
    }

    @Test
    void artefact_and_deployment_commands_give_the_documented_statuses_and_bodies() throws Exception {
        Org org = org("seed-deploy");
        FakeDevice device = link(org, "de4dbeef00000001", "deploy-target");
        Reply none = curl(org, command("/organisation/artefacts", PLAIN_GET));
        assertEquals(200, none.status());
        assertEquals("{\"artefacts\":[],\"meta\":{\"page\":1,\"per_page\":100,\"total_count\":0,\"total_pages\":0}}",
                none.body());
        String createArtefact = command("", "--data-urlencode 'name=kiosk-v1.0'");
        Reply artefact = curl(org, createArtefact);
        assertEquals(201, artefact.status(), artefact.body());
        assertEquals(JSON, artefact.contentType());
        assertEquals("{\"id\":\"" + artefact.json().get("id").asText() + "\",\"name\":\"kiosk-v1.0\",\"uri\":"
                + "\"https://example.com/kiosk-v1.0.tar.zst\",\"checksum\":"
                + "\"d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6\"}", artefact.body());
        assertMessage(curl(org, createArtefact), 422, "Validation failed: Name has already been taken");

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("device-id", device.deviceId);
        ids.put("artefact-id", artefact.json().get("id").asText());
        String list = command("/organisation/devices/device-id/deployments", PLAIN_GET);
        assertNotFound(curl(org, list));
        assertEquals("{\"deployments\":[],\"meta\":{\"page\":1,\"per_page\":100,\"total_count\":0,"
                + "\"total_pages\":0}}", curl(org, list, ids).body());

        String create = command("", "--data-urlencode 'artefact_id=artefact-id'");
        assertNotFound(curl(org, create));
        Reply first = curl(org, create, ids);
        assertEquals(201, first.status(), first.body());
        assertEquals(List.of("id", "state", "state_reason", "device_id", "artefact_id", "created_at", "updated_at"),
                first.fields());
        assertEquals("pending", first.json().get("state").asText());

        String show = command("/organisation/deployments/deployment-id", PLAIN_GET);
        assertNotFound(curl(org, show));
        Reply second = curl(org, create, ids);
        Reply superseded = curl(org, show, Map.of("deployment-id", first.json().get("id").asText()));
        assertEquals(200, superseded.status());
        assertEquals("failed", superseded.json().get("state").asText());
        assertEquals("Superseded by a newer deployment", superseded.json().get("state_reason").asText());

        String cancel = command("/cancel", "--request PUT");
        assertNotFound(curl(org, cancel));
        Map<String, String> secondId = Map.of("deployment-id", second.json().get("id").asText());
        Reply cancelled = curl(org, cancel, secondId);
        assertEquals(200, cancelled.status());
        assertEquals("cancelled", cancelled.json().get("state").asText());
        assertTrue(cancelled.json().get("state_reason").isNull());
        assertMessage(curl(org, cancel, secondId), 422, "Cannot cancel deployment in state \"cancelled\"");

        String deleteArtefact = command("/organisation/artefacts/artefact-id", "--request DELETE");
        assertNotFound(curl(org, deleteArtefact));
        assertMessage(curl(org, deleteArtefact, ids), 422, "Cannot delete artefacts that have been deployed");
        String unused = id(org.api().postJson("/organisation/artefacts", artefactJson("unused")));
        Reply deleted = curl(org, deleteArtefact, Map.of("artefact-id", unused));
        assertEquals(204, deleted.status());
        assertEquals("", deleted.body());

        assertEquals(0, cloud.command("org", "trial-end", org.name(), "--at", Instant.now().minusSeconds(1)
                .toString()).code());
        assertMessage(curl(org, create, ids), 403, "Deployments are blocked until billing has been set up");
    }

    @Test
    void the_bulk_provisioning_script_provisions_three_devices_that_link_with_their_keys() throws Exception {
        Org org = org("seed-bulk");
        String script = String.join("\n", resourceLines("/seed001/bulk-provisioning.sh"))
                .replace(SEED_HOST, cloud.url).replace(SEED_TOKEN, org.token());
        Path emptyHome = Files.createDirectories(dir.resolve("home"));
        String out = run(script, emptyHome);
        List<String> names = List.of("pi5-001", "pi5-002", "pi5-003");
        List<FakeDevice> devices = new ArrayList<>();
        for (String name : names) {
            assertTrue(out.contains("Created auth key for " + name + ": " + name + ".key"), out);
            String secret = Files.readString(dir.resolve(name + ".key")).strip();
            assertTrue(secret.startsWith("rpoak_"), secret);
            FakeDevice device = new FakeDevice(cloud, "b0000000000" + name.substring(4), "raspberrypi");
            assertEquals(201, device.signInWithAuthKey(secret).statusCode(), name);
            devices.add(device);
        }
        JsonNode listed = json(org.api().get("/organisation/devices?query=tag%3Aproduction"));
        assertEquals(3, listed.get("meta").get("total_count").asInt(), listed.toString());
        for (int i = 0; i < 3; i++) {
            JsonNode d = listed.get("devices").get(i);
            assertEquals(names.get(i), d.get("name").asText());
            assertEquals(devices.get(i).deviceId, d.get("id").asText());
            assertEquals("[\"production\"]", d.get("tags").toString());
            assertEquals("{\"model\":\"Raspberry Pi 5\",\"revision\":\"1.0\",\"memory\":\"8 GB\"}",
                    d.get("board").toString());
            assertEquals("aarch64", d.get("kernel_architecture").asText());
        }
    }

    static List<String> resourceLines(String resource) {
        try (InputStream in = SeedCommandsContract.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
