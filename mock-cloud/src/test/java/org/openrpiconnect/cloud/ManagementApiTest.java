package org.openrpiconnect.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.CloudJson;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.SignedInDevice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagementApiTest {
    static TestCloud cloud;
    static String token;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        cloud.user("mgmt@example.org");
        cloud.command("org", "create", "Mgmtco", "--admin", "mgmt@example.org");
        token = cloud.command("token", "create", "--org", "Mgmtco").out().strip();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static HttpResponse<String> post(String auth, String contentType, String body, String query) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cloud.url + "/organisation/auth-keys"
                + (query == null ? "" : "?" + query))).POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) b.header("Authorization", auth);
        if (contentType != null) b.header("Content-Type", contentType);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void json_body_creates_an_auth_key_with_the_documented_fields_in_order() throws Exception {
        HttpResponse<String> r = post("Bearer " + token, "application/json",
                "{\"description\":\"my-auth-key\",\"ttl_days\":1,\"device_name\":\"pi5-001\","
                        + "\"tags\":[\"production\",\"kiosk\"]}", null);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode n = CloudJson.mapper().readTree(r.body());
        List<String> fields = new ArrayList<>();
        n.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "description", "device_name", "tags", "secret", "expires_at"), fields);
        assertEquals("my-auth-key", n.get("description").asText());
        assertEquals("pi5-001", n.get("device_name").asText());
        assertEquals("[\"production\",\"kiosk\"]", n.get("tags").toString());
        assertTrue(n.get("secret").asText().startsWith("rpoak_"));
        String expires = n.get("expires_at").asText();
        assertTrue(expires.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), expires);
        long hours = Duration.between(Instant.now(), Instant.parse(expires)).toHours();
        assertTrue(hours >= 23 && hours <= 24, expires);
    }

    @Test
    void form_body_with_repeated_tags_creates_an_auth_key_that_links_a_device() throws Exception {
        HttpResponse<String> r = post("Bearer " + token, "application/x-www-form-urlencoded",
                "description=my-auth-key&ttl_days=7&device_name=pi5-002&tags%5B%5D=production&tags%5B%5D=kiosk", null);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode n = CloudJson.mapper().readTree(r.body());
        assertEquals("[\"production\",\"kiosk\"]", n.get("tags").toString());
        long days = Duration.between(Instant.now(), Instant.parse(n.get("expires_at").asText())).toDays();
        assertTrue(days == 6 || days == 7);
        FakeDevice d = new FakeDevice(cloud, "mgmt-1", "host");
        HttpResponse<String> signIn = d.signInWithAuthKey(n.get("secret").asText());
        assertEquals(201, signIn.statusCode(), signIn.body());
        assertEquals("pi5-002", Json.read(signIn.body(), SignedInDevice.class).name());
    }

    @Test
    void defaults_are_one_day_no_device_name_and_no_tags() throws Exception {
        HttpResponse<String> r = post("Bearer " + token, "application/x-www-form-urlencoded", "description=d", null);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode n = CloudJson.mapper().readTree(r.body());
        assertTrue(n.get("device_name").isNull());
        assertEquals("[]", n.get("tags").toString());
    }

    @Test
    void unknown_missing_and_malformed_tokens_get_the_same_401_body() throws Exception {
        HttpResponse<String> unknown = post("Bearer rporg_unknown", "application/json", "{\"description\":\"x\"}",
                null);
        HttpResponse<String> wrong = post("Bearer " + token.substring(0, token.length() - 2) + "xx",
                "application/json", "{\"description\":\"x\"}", null);
        HttpResponse<String> missing = post(null, "application/json", "{\"description\":\"x\"}", null);
        HttpResponse<String> basic = post("Basic " + token, "application/json", "{\"description\":\"x\"}", null);
        for (HttpResponse<String> r : List.of(unknown, wrong, missing, basic)) {
            assertEquals(401, r.statusCode());
            assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(unknown.body(), r.body());
        }
        assertEquals("{\"message\":\"Invalid or missing management API access token: send a valid token in the"
                + " Authorization header as Bearer rporg_...\"}", unknown.body());
    }

    @Test
    void token_in_the_query_string_is_refused_even_with_a_valid_header() throws Exception {
        HttpResponse<String> r = post("Bearer " + token, "application/json", "{\"description\":\"x\"}",
                "access_token=" + token);
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("URL"), r.body());
    }

    @Test
    void blank_description_is_422_with_the_documented_body() throws Exception {
        HttpResponse<String> r = post("Bearer " + token, "application/json", "{\"ttl_days\":1}", null);
        assertEquals(422, r.statusCode());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"message\":\"Validation failed: Description can't be blank\"}", r.body());
    }

    @Test
    void ttl_days_outside_1_to_90_is_422() throws Exception {
        for (String ttl : List.of("0", "91", "-1")) {
            HttpResponse<String> r = post("Bearer " + token, "application/x-www-form-urlencoded",
                    "description=d&ttl_days=" + ttl, null);
            assertEquals(422, r.statusCode());
            assertEquals("{\"message\":\"Validation failed: Ttl days must be between 1 and 90\"}", r.body());
        }
        HttpResponse<String> text = post("Bearer " + token, "application/json",
                "{\"description\":\"d\",\"ttl_days\":\"many\"}", null);
        assertEquals("{\"message\":\"Validation failed: Ttl days is not a number\"}", text.body());
    }

    @Test
    void bad_tags_are_422() throws Exception {
        HttpResponse<String> upper = post("Bearer " + token, "application/json",
                "{\"description\":\"d\",\"tags\":[\"Production\"]}", null);
        assertEquals(422, upper.statusCode());
        assertEquals("{\"message\":\"Validation failed: Tags must contain only lowercase letters, numbers, hyphens,"
                + " and underscores, with a maximum length of 30 characters\"}", upper.body());
        String tooLong = "a".repeat(31);
        assertEquals(422, post("Bearer " + token, "application/json",
                "{\"description\":\"d\",\"tags\":[\"" + tooLong + "\"]}", null).statusCode());
        StringBuilder eleven = new StringBuilder("description=d");
        for (int i = 0; i < 11; i++) eleven.append("&tags%5B%5D=t").append(i);
        HttpResponse<String> many = post("Bearer " + token, "application/x-www-form-urlencoded", eleven.toString(),
                null);
        assertEquals(422, many.statusCode());
        assertEquals("{\"message\":\"Validation failed: Tags can't contain more than 10 tags\"}", many.body());
    }

    @Test
    void revoked_token_is_refused() throws Exception {
        String t = cloud.command("token", "create", "--org", "Mgmtco").out().strip();
        String orgId = cloud.cloud.organisations.requireByName("Mgmtco").id();
        String tokenId = cloud.cloud.apiTokens.list(orgId).get(0).id();
        assertEquals(201, post("Bearer " + t, "application/json", "{\"description\":\"x\"}", null).statusCode());
        cloud.cloud.apiTokens.revoke(tokenId, orgId);
        assertEquals(401, post("Bearer " + t, "application/json", "{\"description\":\"x\"}", null).statusCode());
    }

    @Test
    void malformed_json_is_a_400_with_a_message() throws Exception {
        HttpResponse<String> r = post("Bearer " + token, "application/json", "{nope", null);
        assertEquals(400, r.statusCode());
        assertTrue(CloudJson.mapper().readTree(r.body()).get("message").asText().contains("JSON"));
    }
}
