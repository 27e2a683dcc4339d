package org.openrpiconnect.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP client for the pages; does not follow redirects, so tests see them. */
final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final TestCloud cloud;
    private final HttpClient http;
    private String csrf;

    Browser(TestCloud cloud) {
        this.cloud = cloud;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(cloud.url + path)).GET().build());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return r;
    }

    /** Posts a form with the CSRF token from the last page fetched. */
    HttpResponse<String> post(String path, String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        if (csrf != null) form.put("_csrf", csrf);
        for (int i = 0; i < keyValues.length; i += 2) form.put(keyValues[i], keyValues[i + 1]);
        return postRaw(path, form);
    }

    HttpResponse<String> postRaw(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(cloud.url + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return r;
    }

    /** Signs up (or in, when the account exists) through the pages. */
    Browser signUp(String email) {
        get("/signup");
        HttpResponse<String> r = post("/signup", "email", email, "password", "correct horse battery", "next", "/");
        if (r.statusCode() != 303) {
            get("/signin");
            r = post("/signin", "email", email, "password", "correct horse battery", "next", "/");
        }
        if (r.statusCode() != 303) throw new IllegalStateException("could not sign in: " + r.statusCode());
        return this;
    }

    /** The CSRF token of the last page fetched (pages also put it where scripts read it). */
    String csrf() {
        return csrf;
    }

    /** Opens a WebSocket with this browser's cookies and these extra headers (e.g. Origin). */
    java.net.http.WebSocket webSocket(String pathAndQuery, java.net.http.WebSocket.Listener listener,
                                      Map<String, String> headers) throws Exception {
        java.net.http.WebSocket.Builder b = http.newWebSocketBuilder();
        headers.forEach(b::header);
        return b.buildAsync(URI.create(cloud.url.replace("http://", "ws://") + pathAndQuery), listener)
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse(null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
