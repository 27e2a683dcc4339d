package org.openrpiconnect.cloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.openrpiconnect.cloud.FakeDevice;
import org.openrpiconnect.cloud.TestCloud;
import org.openrpiconnect.cloud.model.AuditEvent;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.store.PostgresCluster;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceKeys;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the Management API suites share: one cloud per test class on the database a subclass chooses (a fresh
 * SQLite file, or a new database in the shared throwaway PostgreSQL cluster), and helpers that make organisations,
 * link devices and sign device identities.
 */
abstract class ApiTestBase {
    static TestCloud cloud;
    /** How a second server instance reaches the same database. */
    static String jdbcUrl;
    static String dbUser;

    static void openSqlite() {
        cloud = TestCloud.start();
        jdbcUrl = "jdbc:sqlite:" + cloud.dataDir.resolve("cloud.db").toAbsolutePath();
        dbUser = null;
    }

    static void openPostgres(String prefix) throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        jdbcUrl = cluster.createDatabase(prefix);
        dbUser = cluster.user();
        cloud = TestCloud.start(jdbcUrl, dbUser);
    }

    @AfterAll
    static void closeCloud() {
        if (cloud != null) cloud.close();
        cloud = null;
    }

    /** An organisation with its administrator and a token; {@code api} calls with that token. */
    record Org(String name, String id, String token, ApiClient api) {}

    static Org org(String prefix) {
        String name = prefix + "-" + Secrets.newId().substring(0, 8);
        String id = cloud.organisation(name, name.toLowerCase() + "@example.org");
        String token = cloud.token(name);
        return new Org(name, id, token, new ApiClient(cloud.url, token));
    }

    /** A device linked to the organisation with an auth key made through the API. */
    static FakeDevice link(Org org, String serial, String name, String... tags) {
        return link(org, new FakeDevice(cloud, serial, "host-" + serial), name, tags);
    }

    static FakeDevice link(Org org, FakeDevice device, String name, String... tags) {
        List<String> form = new ArrayList<>(List.of("description", "key for " + name, "device_name", name));
        for (String t : tags) form.addAll(List.of("tags[]", t));
        HttpResponse<String> key = org.api().postForm("/organisation/auth-keys", form.toArray(String[]::new));
        assertEquals(201, key.statusCode(), key.body());
        HttpResponse<String> signIn = device.signInWithAuthKey(ApiClient.json(key).get("secret").asText());
        assertEquals(201, signIn.statusCode(), signIn.body());
        return device;
    }

    /**
     * POST /organisation/device-identities with {@code body} (JSON), signed by {@code signer} as seed 001 says.
     * {@code accept} null sends no Accept header.
     */
    static HttpResponse<String> createIdentity(Org org, KeyPair signer, String body, String accept) {
        String url = cloud.url + "/organisation/device-identities";
        String payload = IdentitySigner.payload("POST", url, "Bearer " + org.token(), "application/json", accept,
                body);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("X-Connect-Identity-Signature", IdentitySigner.sign(signer.getPrivate(), payload));
        if (accept != null) headers.put("Accept", accept);
        return org.api().send("POST", "/organisation/device-identities", "application/json", body, headers);
    }

    static String identityJson(KeyPair key, String description, String deviceName, String... tags) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("public_key", DeviceKeys.publicKeyPem(key.getPublic()));
        body.put("description", description);
        if (deviceName != null) body.put("device_name", deviceName);
        if (tags.length > 0) body.put("tags", List.of(tags));
        return Json.write(body);
    }

    static String id(HttpResponse<String> r) {
        return ApiClient.json(r).get("id").asText();
    }

    static JsonNode json(HttpResponse<String> r) {
        return ApiClient.json(r);
    }

    static List<AuditEvent> audit(Org org) {
        return cloud.cloud.auditLog.recent(org.id(), 1000);
    }

    static String artefactJson(String name) {
        return "{\"name\":\"" + name + "\",\"uri\":\"https://example.com/" + name + ".tar.zst\",\"checksum\":\""
                + "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6\"}";
    }
}
