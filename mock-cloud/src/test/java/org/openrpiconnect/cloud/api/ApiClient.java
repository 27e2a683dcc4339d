package org.openrpiconnect.cloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.openrpiconnect.cloud.CloudJson;
import org.openrpiconnect.protocol.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Management API client for tests: one token (or none), JSON or form bodies, raw responses. */
final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String baseUrl;
    final String token;

    ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    HttpResponse<String> delete(String path) {
        return send("DELETE", path, null, null, Map.of());
    }

    HttpResponse<String> put(String path) {
        return send("PUT", path, null, null, Map.of());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send("POST", path, "application/json", json, Map.of());
    }

    HttpResponse<String> patchJson(String path, String json) {
        return send("PATCH", path, "application/json", json, Map.of());
    }

    /** A form body from name/value pairs (a name may repeat, e.g. tags[]). */
    HttpResponse<String> postForm(String path, String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send("POST", path, "application/x-www-form-urlencoded", String.join("&", parts), Map.of());
    }

    HttpResponse<String> send(String method, String path, String contentType, String body,
                              Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        headers.forEach(b::header);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return CloudJson.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    /** The object's field names in order. */
    static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
