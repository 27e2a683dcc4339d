package org.openrpiconnect.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.device.DeviceApi;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagesTest {
    static TestCloud cloud;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void dashboard_redirects_to_sign_in_when_signed_out() {
        HttpResponse<String> r = new Browser(cloud).get("/");
        assertEquals(303, r.statusCode());
        assertEquals("/signin?next=/", Browser.location(r));
    }

    @Test
    void sign_in_sets_an_http_only_lax_session_cookie_and_returns_to_next() {
        cloud.user("pages@example.org");
        Browser b = new Browser(cloud);
        b.get("/signin?next=/settings");
        HttpResponse<String> r = b.post("/signin", "email", "pages@example.org", "password", "correct horse battery",
                "next", "/settings");
        assertEquals(303, r.statusCode());
        assertEquals("/settings", Browser.location(r));
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("rpc_session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertEquals(200, b.get("/settings").statusCode());
    }

    @Test
    void wrong_password_shows_the_form_again_with_a_message() {
        cloud.user("wrongpw@example.org");
        Browser b = new Browser(cloud);
        b.get("/signin");
        HttpResponse<String> r = b.post("/signin", "email", "wrongpw@example.org", "password", "not the one");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("Wrong email or password"));
    }

    @Test
    void next_pointing_off_site_goes_to_the_dashboard_instead() {
        Browser b = new Browser(cloud);
        b.get("/signup");
        HttpResponse<String> r = b.post("/signup", "email", "redirect@example.org", "password",
                "correct horse battery", "next", "//evil.example.org/");
        assertEquals("/", Browser.location(r));
    }

    @Test
    void short_password_and_duplicate_email_are_explained_on_the_form() {
        Browser b = new Browser(cloud);
        b.get("/signup");
        HttpResponse<String> shortPw = b.post("/signup", "email", "short@example.org", "password", "1234567");
        assertEquals(400, shortPw.statusCode());
        assertTrue(shortPw.body().contains("at least 8 characters"));
        cloud.user("taken@example.org");
        HttpResponse<String> taken = b.post("/signup", "email", "taken@example.org", "password", "long enough pw");
        assertEquals(409, taken.statusCode());
        assertTrue(taken.body().contains("already exists"));
    }

    @Test
    void post_without_the_csrf_token_is_refused() {
        cloud.user("csrf@example.org");
        Browser b = new Browser(cloud).signUp("csrf@example.org");
        HttpResponse<String> r = b.postRaw("/settings/auth-keys", Map.of("description", "x", "ttl_days", "1"));
        assertEquals(403, r.statusCode());
        assertTrue(cloud.cloud.authKeys.list(org.openrpiconnect.cloud.model.Owner.user(
                cloud.cloud.accounts.requireByEmail("csrf@example.org").id())).isEmpty());
    }

    @Test
    void personal_auth_key_secret_is_shown_once_and_works() {
        Browser b = new Browser(cloud).signUp("settings@example.org");
        b.get("/settings");
        HttpResponse<String> r = b.post("/settings/auth-keys", "description", "my laptop", "ttl_days", "3");
        assertEquals(200, r.statusCode(), r.body());
        String secret = match(r.body(), "id=\"auth-key-secret\">(rpuak_[A-Za-z0-9]+)<");
        assertTrue(r.body().contains("id=\"auth-key-expires\""));
        assertFalse(b.get("/settings").body().contains(secret), "the secret is shown only once");
        FakeDevice d = new FakeDevice(cloud, "settings-1", "pi");
        assertEquals(201, d.signInWithAuthKey(secret).statusCode());
    }

    @Test
    void invalid_personal_auth_key_request_explains_what_is_wrong() {
        Browser b = new Browser(cloud).signUp("badkey@example.org");
        b.get("/settings");
        HttpResponse<String> r = b.post("/settings/auth-keys", "description", "", "ttl_days", "100");
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("Description can&#39;t be blank") || r.body().contains("Description can't be blank"),
                r.body());
    }

    @Test
    void organisation_settings_are_for_administrators_only() {
        cloud.user("boss@example.org");
        cloud.user("staff@example.org");
        cloud.command("org", "create", "Pageco", "--admin", "boss@example.org");
        String orgId = cloud.cloud.organisations.requireByName("Pageco").id();
        String path = "/organisations/" + orgId + "/settings";
        assertEquals(403, new Browser(cloud).signUp("staff@example.org").get(path).statusCode());

        Browser boss = new Browser(cloud).signUp("boss@example.org");
        assertEquals(200, boss.get(path).statusCode());
        HttpResponse<String> key = boss.post("/organisations/" + orgId + "/auth-keys", "description", "kiosks",
                "ttl_days", "2", "device_name", "kiosk-7", "tags", "production, kiosk");
        String secret = match(key.body(), "id=\"auth-key-secret\">(rpoak_[A-Za-z0-9]+)<");
        FakeDevice d = new FakeDevice(cloud, "page-org-1", "pi");
        assertEquals(201, d.signInWithAuthKey(secret).statusCode());
        assertEquals(java.util.List.of("production", "kiosk"), cloud.cloud.devices.require(d.deviceId).tags());

        boss.get(path);
        HttpResponse<String> token = boss.post("/organisations/" + orgId + "/tokens", "description", "ci");
        String tokenSecret = match(token.body(), "id=\"token-secret\">(rporg_[A-Za-z0-9]+)<");
        assertTrue(cloud.cloud.apiTokens.authenticate(tokenSecret).isPresent());
        String tokenId = cloud.cloud.apiTokens.list(orgId).get(0).id();
        assertEquals(303, boss.post("/organisations/" + orgId + "/tokens/" + tokenId + "/revoke").statusCode());
        assertTrue(cloud.cloud.apiTokens.authenticate(tokenSecret).isEmpty());
    }

    @Test
    void device_page_renames_and_removes_and_the_dashboard_lists_devices() throws Exception {
        cloud.user("owner@example.org");
        FakeDevice d = new FakeDevice(cloud, "page-dev-1", "ownerpi");
        d.signInWithAuthKey(cloud.personalKey("owner@example.org"));
        Browser b = new Browser(cloud).signUp("owner@example.org");
        HttpResponse<String> dash = b.get("/");
        assertTrue(dash.body().contains("<a href=\"/devices/" + d.deviceId + "\">ownerpi</a>"), dash.body());
        assertTrue(dash.body().contains("Signed in"));

        try (EventSocketClient socket = EventSocketClient.connect(cloud, d)) {
            socket.next(5000);
            b.get("/devices/" + d.deviceId);
            assertEquals(303, b.post("/devices/" + d.deviceId + "/rename", "name", "den-pi").statusCode());
            assertEquals("den-pi", socket.next(2000).name());
            assertTrue(b.get("/devices/" + d.deviceId).body().contains("id=\"device-title\">den-pi<"));
            assertEquals(303, b.post("/devices/" + d.deviceId + "/remove").statusCode());
            assertEquals(org.openrpiconnect.protocol.device.DeviceEvent.REMOVED, socket.next(2000).type());
        }
        assertEquals(404, b.get("/devices/" + d.deviceId).statusCode());
        assertEquals(401, d.get(DeviceApi.SELF).statusCode());
    }

    @Test
    void other_users_cannot_see_a_personal_device() {
        cloud.user("mine@example.org");
        FakeDevice d = new FakeDevice(cloud, "page-private", "pi");
        d.signInWithAuthKey(cloud.personalKey("mine@example.org"));
        Browser stranger = new Browser(cloud).signUp("stranger@example.org");
        assertEquals(404, stranger.get("/devices/" + d.deviceId).statusCode());
        assertFalse(stranger.get("/").body().contains(d.deviceId));
    }

    @Test
    void outbox_shows_the_notification_for_a_linked_device() {
        cloud.user("mailbox@example.org");
        FakeDevice d = new FakeDevice(cloud, "page-mail", "mailpi");
        d.signInWithAuthKey(cloud.personalKey("mailbox@example.org"));
        String outbox = new Browser(cloud).signUp("mailbox@example.org").get("/outbox").body();
        assertTrue(outbox.contains("New device linked: mailpi"), outbox);
    }

    @Test
    void sign_out_ends_the_session() {
        Browser b = new Browser(cloud).signUp("leaving@example.org");
        b.get("/");
        assertEquals(303, b.post("/signout").statusCode());
        assertEquals(303, b.get("/").statusCode());
    }

    private static String match(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertTrue(m.find(), "no " + regex + " in " + body);
        return m.group(1);
    }
}
