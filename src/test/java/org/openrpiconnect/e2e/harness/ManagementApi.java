package org.openrpiconnect.e2e.harness;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The cloud's Management API (seed 001) as an organisation's script calls it: a Bearer {@code rporg_} token. */
public final class ManagementApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String cloudUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public ManagementApi(String cloudUrl, String token) {
        this.cloudUrl = cloudUrl;
        this.token = token;
    }

    /** POST /organisation/auth-keys, form-encoded as the seed's curl example. */
    public HttpResult createAuthKey(String description, int ttlDays, String deviceName) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("description", description);
        form.put("ttl_days", Integer.toString(ttlDays));
        if (deviceName != null) form.put("device_name", deviceName);
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(URI.create(cloudUrl + "/organisation/auth-keys")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new HttpResult(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError("POST /organisation/auth-keys failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
