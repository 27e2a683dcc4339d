package org.openrpiconnect.cloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.FakeDevice;
import org.openrpiconnect.cloud.model.AuthKey;
import org.openrpiconnect.cloud.model.Owner;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.web.mgmt.ApiRoutes;
import org.openrpiconnect.protocol.device.DeviceKeys;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Management API endpoint: the role matrix (no token, revoked token, wrong secret, another organisation's
 * token, the organisation's own token), and the OpenAPI document against the routes the server really answers.
 */
abstract class EndpointContract extends ApiTestBase {
    private static final String INVALID = "{\"message\":\"Invalid or missing management API access token: send a"
            + " valid token in the Authorization header as Bearer rporg_...\"}";

    /** How a call's outcome is judged for a token of another organisation. */
    enum Scope { ONE_OF_ITS_RESOURCES, ITS_LIST, CREATE }

    record Endpoint(String method, String route, Scope scope, int success,
                    Function<ApiClient, HttpResponse<String>> call) {}

    private static HttpResponse<String> signedIdentity(ApiClient api, String description) {
        KeyPair key = DeviceKeys.generate();
        String body = identityJson(key, description, null);
        String payload = IdentitySigner.payload("POST", api.baseUrl + "/organisation/device-identities",
                api.token == null ? "" : "Bearer " + api.token, "application/json", null, body);
        return api.send("POST", "/organisation/device-identities", "application/json", body,
                Map.of("X-Connect-Identity-Signature", IdentitySigner.sign(key.getPrivate(), payload)));
    }

    @Test
    void role_matrix_on_every_endpoint() {
        Org a = org("matrix-a");
        Org b = org("matrix-b");
        String revoked = cloud.token(a.name());
        String revokedId = cloud.cloud.apiTokens.list(a.id()).get(0).id();
        cloud.cloud.apiTokens.revoke(revokedId, a.id());

        FakeDevice device = link(a, "mx-1", "matrix-device");
        FakeDevice cancelDevice = link(a, "mx-2", "matrix-cancel");
        FakeDevice doomed = link(a, "mx-3", "matrix-doomed");
        String artefact = id(a.api().postJson("/organisation/artefacts", artefactJson("matrix-art")));
        String doomedArtefact = id(a.api().postJson("/organisation/artefacts", artefactJson("matrix-doomed")));
        String deployment = id(a.api().postForm("/organisation/devices/" + device.deviceId + "/deployments",
                "artefact_id", artefact));
        String cancellable = id(a.api().postForm("/organisation/devices/" + cancelDevice.deviceId + "/deployments",
                "artefact_id", artefact));
        String identity = id(signedIdentity(a.api(), "matrix-identity"));
        String doomedIdentity = id(signedIdentity(a.api(), "matrix-doomed-identity"));

        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/organisation/auth-keys", Scope.CREATE, 201,
                        api -> api.postJson("/organisation/auth-keys", "{\"description\":\"matrix\"}")),
                new Endpoint("GET", "/organisation/devices", Scope.ITS_LIST, 200,
                        api -> api.get("/organisation/devices")),
                new Endpoint("DELETE", "/organisation/devices/{device_id}", Scope.ONE_OF_ITS_RESOURCES, 204,
                        api -> api.delete("/organisation/devices/" + doomed.deviceId)),
                new Endpoint("GET", "/organisation/devices/{device_id}/deployments", Scope.ONE_OF_ITS_RESOURCES, 200,
                        api -> api.get("/organisation/devices/" + device.deviceId + "/deployments")),
                new Endpoint("POST", "/organisation/devices/{device_id}/deployments", Scope.ONE_OF_ITS_RESOURCES,
                        201, api -> api.postJson("/organisation/devices/" + device.deviceId + "/deployments",
                        "{\"artefact_id\":\"" + artefact + "\"}")),
                new Endpoint("GET", "/organisation/deployments/{deployment_id}", Scope.ONE_OF_ITS_RESOURCES, 200,
                        api -> api.get("/organisation/deployments/" + deployment)),
                new Endpoint("PUT", "/organisation/deployments/{deployment_id}/cancel", Scope.ONE_OF_ITS_RESOURCES,
                        200, api -> api.put("/organisation/deployments/" + cancellable + "/cancel")),
                new Endpoint("GET", "/organisation/device-identities", Scope.ITS_LIST, 200,
                        api -> api.get("/organisation/device-identities")),
                new Endpoint("POST", "/organisation/device-identities", Scope.CREATE, 201,
                        api -> signedIdentity(api, "matrix-new")),
                new Endpoint("GET", "/organisation/device-identities/{device_identity_id}",
                        Scope.ONE_OF_ITS_RESOURCES, 200, api -> api.get("/organisation/device-identities/" + identity)),
                new Endpoint("PATCH", "/organisation/device-identities/{device_identity_id}",
                        Scope.ONE_OF_ITS_RESOURCES, 200, api -> api.patchJson("/organisation/device-identities/"
                        + identity, "{\"description\":\"patched\"}")),
                new Endpoint("DELETE", "/organisation/device-identities/{device_identity_id}",
                        Scope.ONE_OF_ITS_RESOURCES, 204,
                        api -> api.delete("/organisation/device-identities/" + doomedIdentity)),
                new Endpoint("GET", "/organisation/artefacts", Scope.ITS_LIST, 200,
                        api -> api.get("/organisation/artefacts")),
                new Endpoint("POST", "/organisation/artefacts", Scope.CREATE, 201,
                        api -> api.postJson("/organisation/artefacts", artefactJson("matrix-" + Secrets.newId()))),
                new Endpoint("DELETE", "/organisation/artefacts/{artefact_id}", Scope.ONE_OF_ITS_RESOURCES, 204,
                        api -> api.delete("/organisation/artefacts/" + doomedArtefact)));

        Set<ApiRoutes.Route> covered = new HashSet<>();
        for (Endpoint e : endpoints) covered.add(new ApiRoutes.Route(e.method(), e.route()));
        assertEquals(new HashSet<>(cloud.server.managementRoutes()), covered, "the matrix covers every route");

        ApiClient none = new ApiClient(cloud.url, null);
        ApiClient revokedClient = new ApiClient(cloud.url, revoked);
        ApiClient wrongSecret = new ApiClient(cloud.url, a.token().substring(0, a.token().length() - 4) + "AAAA");
        Set<String> aIds = new HashSet<>(List.of(device.deviceId, cancelDevice.deviceId, doomed.deviceId, artefact,
                doomedArtefact, identity, doomedIdentity));
        for (Endpoint e : endpoints) {
            String what = e.method() + " " + e.route();
            for (ApiClient refused : List.of(none, revokedClient, wrongSecret)) {
                HttpResponse<String> r = e.call().apply(refused);
                assertEquals(401, r.statusCode(), what);
                assertEquals(INVALID, r.body(), what + ": one answer for missing, revoked and wrong tokens");
                assertTrue(r.headers().firstValue("X-Rate-Limit-Remaining").isEmpty(), what);
            }
            HttpResponse<String> other = e.call().apply(b.api());
            switch (e.scope()) {
                case ONE_OF_ITS_RESOURCES -> assertEquals(404, other.statusCode(), what + ": " + other.body());
                case ITS_LIST -> {
                    assertEquals(200, other.statusCode(), what);
                    for (String id : aIds) assertFalse(other.body().contains(id), what + " shows " + id);
                }
                case CREATE -> {
                    assertEquals(201, other.statusCode(), what + ": " + other.body());
                    assertCreatedInB(e, id(other), a, b);
                }
            }
        }
        // nothing of A's changed through the refused and foreign calls
        assertEquals(3, json(a.api().get("/organisation/devices")).get("meta").get("total_count").asInt());
        assertEquals("pending", json(a.api().get("/organisation/deployments/" + cancellable)).get("state").asText());
        assertEquals("matrix-identity", json(a.api().get("/organisation/device-identities/" + identity))
                .get("description").asText());
        assertEquals(2, json(a.api().get("/organisation/artefacts")).get("meta").get("total_count").asInt());

        for (Endpoint e : endpoints) {
            HttpResponse<String> r = e.call().apply(a.api());
            assertEquals(e.success(), r.statusCode(), e.method() + " " + e.route() + ": " + r.body());
            assertTrue(r.headers().firstValue("X-Rate-Limit-Remaining").isPresent());
        }
    }

    private static void assertCreatedInB(Endpoint e, String createdId, Org a, Org b) {
        switch (e.route()) {
            case "/organisation/auth-keys" -> assertTrue(cloud.cloud.authKeys.list(Owner.organisation(b.id()))
                    .stream().map(AuthKey::id).anyMatch(createdId::equals));
            case "/organisation/device-identities" -> {
                assertTrue(json(b.api().get("/organisation/device-identities")).toString().contains(createdId));
                assertFalse(json(a.api().get("/organisation/device-identities")).toString().contains(createdId));
            }
            case "/organisation/artefacts" -> {
                assertTrue(json(b.api().get("/organisation/artefacts")).toString().contains(createdId));
                assertFalse(json(a.api().get("/organisation/artefacts")).toString().contains(createdId));
            }
            default -> throw new AssertionError("no ownership check for " + e.route());
        }
    }

    @Test
    void the_openapi_document_and_the_running_routes_are_the_same() {
        Org org = org("openapi");
        JsonNode doc = json(new ApiClient(cloud.url, null).get("/organisation/openapi.json"));
        Set<ApiRoutes.Route> documented = new HashSet<>();
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                documented.add(new ApiRoutes.Route(method, path.getKey()));
                // the running server answers it as an endpoint (not the router's 404), with a documented status
                String concrete = path.getKey().replaceAll("\\{[a-z_]+}", "no-such-id");
                String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
                HttpResponse<String> r = org.api().send(method, concrete, body == null ? null : "application/json",
                        body, Map.of());
                String what = method + " " + path.getKey() + " -> " + r.statusCode() + " " + r.body();
                assertNotEquals(405, r.statusCode(), what);
                assertFalse(r.body().contains("There is nothing at"), what);
                assertTrue(op.getValue().get("responses").has(Integer.toString(r.statusCode())),
                        "undocumented status: " + what);
                assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""),
                        what);
                checked.add(what);
            }
        }
        assertEquals(new HashSet<>(cloud.server.managementRoutes()), documented,
                "every documented route is implemented and every implemented route is documented");
        assertEquals(15, checked.size(), checked.toString());
    }
}
