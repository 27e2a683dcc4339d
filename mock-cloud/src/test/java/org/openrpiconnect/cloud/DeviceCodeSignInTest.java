package org.openrpiconnect.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceCodePoll;
import org.openrpiconnect.protocol.device.DeviceCodeStart;
import org.openrpiconnect.protocol.device.DeviceCodeStatus;
import org.openrpiconnect.protocol.device.DeviceErrorCode;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceCodeSignInTest {
    static TestCloud cloud;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static DeviceCodeStart startCode(FakeDevice d) {
        HttpResponse<String> r = d.post(DeviceApi.SIGNIN_CODE, Json.writeBytes(d.facts()), false);
        assertEquals(201, r.statusCode(), r.body());
        return Json.read(r.body(), DeviceCodeStart.class);
    }

    static HttpResponse<String> poll(FakeDevice d, DeviceCodeStart start) {
        return d.post(DeviceApi.SIGNIN_CODE_POLL, Json.writeBytes(new DeviceCodePoll(start.deviceCode())), false);
    }

    @Test
    void code_sign_in_is_pending_until_the_user_links_the_device_in_the_browser() {
        FakeDevice d = new FakeDevice(cloud, "code-1", "codepi");
        DeviceCodeStart start = startCode(d);
        assertTrue(start.userCode().matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"), start.userCode());
        assertEquals(cloud.url + "/verify/" + start.userCode(), start.verificationUrl());
        assertEquals(1, start.intervalSeconds());
        assertEquals(900, start.expiresIn());
        assertEquals(DeviceCodeStatus.PENDING, Json.read(poll(d, start).body(), DeviceCodeStatus.class).status());

        Browser browser = new Browser(cloud);
        String verifyPath = "/verify/" + start.userCode();
        HttpResponse<String> redirect = browser.get(verifyPath);
        assertEquals(303, redirect.statusCode());
        assertEquals("/signin?next=" + verifyPath, Browser.location(redirect));
        browser.signUp("coder@example.org");
        HttpResponse<String> form = browser.get(verifyPath);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("id=\"device-name\" name=\"name\" value=\"codepi\""), form.body());
        assertTrue(form.body().contains("Create device and sign in"));
        HttpResponse<String> done = browser.post(verifyPath, "name", "kitchen-pi", "owner", "personal");
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("<h1 id=\"linked\">Device linked</h1>"));

        DeviceCodeStatus status = Json.read(poll(d, start).body(), DeviceCodeStatus.class);
        assertEquals(DeviceCodeStatus.COMPLETE, status.status());
        assertEquals("kitchen-pi", status.device().name());
        d.deviceId = status.device().deviceId();
        assertEquals(200, d.get(DeviceApi.SELF).statusCode(), "the device signs in with the key it started with");
        Device stored = cloud.cloud.devices.require(d.deviceId);
        assertTrue(stored.owner().isUser());

        HttpResponse<String> again = browser.get(verifyPath);
        assertEquals(410, again.statusCode(), "a used code cannot link a second time");
    }

    @Test
    void poll_signed_by_another_key_is_rejected() {
        FakeDevice d = new FakeDevice(cloud, "code-2", "pi");
        DeviceCodeStart start = startCode(d);
        FakeDevice thief = new FakeDevice(cloud, "code-2", "pi");
        DeviceSignatureTest.assertError(poll(thief, start), 401, DeviceErrorCode.BAD_SIGNATURE);
    }

    @Test
    void expired_code_answers_410_to_the_device_and_to_the_browser() {
        FakeDevice d = new FakeDevice(cloud, "code-3", "pi");
        DeviceCodeStart start = startCode(d);
        Browser browser = new Browser(cloud).signUp("late@example.org");
        cloud.clock.advance(Duration.ofMinutes(16));
        try {
            DeviceSignatureTest.assertError(poll(d, start), 410, DeviceErrorCode.CODE_EXPIRED);
            HttpResponse<String> page = browser.get("/verify/" + start.userCode());
            assertEquals(410, page.statusCode());
            assertTrue(page.body().contains("expired"), page.body());
        } finally {
            cloud.clock.advance(Duration.ofMinutes(-16));
        }
    }

    @Test
    void unknown_code_is_a_404_page() {
        Browser browser = new Browser(cloud).signUp("nobody@example.org");
        HttpResponse<String> page = browser.get("/verify/ABCD-EFGH");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("rpi-connect signin"), page.body());
    }

    @Test
    void organisation_administrators_can_link_to_the_organisation_and_members_cannot() {
        cloud.user("orgadmin@example.org");
        cloud.user("member@example.org");
        cloud.command("org", "create", "Codeco", "--admin", "orgadmin@example.org");
        String orgId = cloud.cloud.organisations.requireByName("Codeco").id();

        FakeDevice d = new FakeDevice(cloud, "code-4", "orgpi");
        DeviceCodeStart start = startCode(d);
        Browser member = new Browser(cloud).signUp("member@example.org");
        HttpResponse<String> memberForm = member.get("/verify/" + start.userCode());
        assertTrue(!memberForm.body().contains("org:" + orgId), "members are not offered the organisation");
        HttpResponse<String> refused = member.post("/verify/" + start.userCode(), "name", "x", "owner", "org:" + orgId);
        assertEquals(403, refused.statusCode());

        Browser admin = new Browser(cloud).signUp("orgadmin@example.org");
        HttpResponse<String> form = admin.get("/verify/" + start.userCode());
        assertTrue(form.body().contains("value=\"org:" + orgId + "\""), form.body());
        assertEquals(200, admin.post("/verify/" + start.userCode(), "name", "org-pi", "owner", "org:" + orgId)
                .statusCode());
        DeviceCodeStatus status = Json.read(poll(d, start).body(), DeviceCodeStatus.class);
        assertEquals(orgId, cloud.cloud.devices.require(status.device().deviceId()).owner().id());
    }
}
