package org.openrpiconnect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openrpiconnect.cloud.CloudJson;
import org.openrpiconnect.e2e.harness.Browser;
import org.openrpiconnect.e2e.harness.CloudPages;
import org.openrpiconnect.e2e.harness.CloudProcess;
import org.openrpiconnect.e2e.harness.DeviceRow;
import org.openrpiconnect.e2e.harness.DeviceUser;
import org.openrpiconnect.e2e.harness.Devices;
import org.openrpiconnect.e2e.harness.E2eLogs;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.HttpResult;
import org.openrpiconnect.e2e.harness.ManagedProcess;
import org.openrpiconnect.e2e.harness.ManagementApi;
import org.openrpiconnect.e2e.harness.ProcessResult;
import org.openrpiconnect.e2e.harness.StatusOutput;
import org.openrpiconnect.e2e.harness.Waits;
import org.openrpiconnect.protocol.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.e2e.harness.Fixtures.SUBSCRIBE_TIMEOUT;

/**
 * Every way of linking a device (seed 000, "Link a Raspberry Pi device with a Connect account"): the verification
 * URL completed in a real browser, an auth key on the command line, in a file given with @, an auth.key file
 * dropped into the state folder, and an organisation key made through the Management API. Each ends with a
 * healthy status, the device in the cloud's list, and a notification mail.
 */
class SignInPathsTest {
    private static final Pattern VISIT = Pattern.compile("^Complete sign in by visiting (\\S+)$");
    private static CloudProcess cloud;
    private static Browser browser;
    private Devices devices;

    @BeforeAll
    static void startCloud() {
        cloud = CloudProcess.start(E2eLogs.forClass(SignInPathsTest.class));
    }

    @AfterAll
    static void stopCloud() {
        if (browser != null) browser.close();
        if (cloud != null) cloud.close();
    }

    @BeforeEach
    void setUp(TestInfo test) {
        devices = new Devices(cloud, E2eLogs.forTest(test));
    }

    @AfterEach
    void tearDown() {
        devices.close();
    }

    @Test
    void verification_url_completed_in_the_browser_signs_the_device_in() {
        DeviceUser device = devices.create("browser");
        device.startDaemon();
        StatusOutput before = device.status();
        assertEquals(List.of(StatusOutput.SIGNED_IN_NO, StatusOutput.SUBSCRIBED_NO),
                before.statusLines().subList(0, 2), before::toString);

        ManagedProcess signin = device.startCli("signin");
        String url = signin.awaitLine(VISIT, Duration.ofSeconds(30)).group(1);
        assertTrue(url.matches(Pattern.quote(cloud.url() + "/verify/") + "[A-Z0-9]{4}-[A-Z0-9]{4}"),
                "verification URL should be " + cloud.url() + "/verify/XXXX-XXXX, is " + url);

        String email = Fixtures.uniqueEmail("browser-user");
        String password = Fixtures.password();
        String name = Fixtures.uniqueName("kitchen-pi");
        pages().signUp(email, password);
        assertTrue(pages().linkDevice(url, name, null).contains("Device linked"));

        signin.awaitLine(Pattern.compile("^Signed in successfully as " + Pattern.quote(name) + "$"),
                Duration.ofSeconds(30));
        assertEquals(0, signin.awaitExit(Duration.ofSeconds(30)), signin::output);
        StatusOutput after = device.awaitStatus("signed in and subscribed", SUBSCRIBE_TIMEOUT, StatusOutput::healthy);
        assertEquals(StatusOutput.HEALTHY, after.statusLines());
        assertListedAndNotified(device, name, email, email, password);
    }

    @Test
    void auth_key_given_on_the_command_line_signs_the_device_in() {
        String email = Fixtures.uniqueEmail("cli-user");
        String password = Fixtures.password();
        cloud.accounts().createUser(email, password);
        String name = Fixtures.uniqueName("cli-pi");
        String key = cloud.accounts().createAuthKey("--user", email, "--device-name", name);
        assertTrue(key.startsWith("rpuak_"), "a personal auth key starts with rpuak_");
        DeviceUser device = devices.create("cli-key");
        device.startDaemon();

        ProcessResult signin = device.cli("signin", "--auth-key=" + key);

        assertSignedInAs(name, signin);
        device.awaitStatus("signed in and subscribed", SUBSCRIBE_TIMEOUT, StatusOutput::healthy);
        assertListedAndNotified(device, name, email, email, password);
    }

    @Test
    void auth_key_read_from_a_file_given_with_at_signs_the_device_in() {
        String email = Fixtures.uniqueEmail("file-user");
        String password = Fixtures.password();
        cloud.accounts().createUser(email, password);
        String name = Fixtures.uniqueName("file-pi");
        String key = cloud.accounts().createAuthKey("--user", email, "--device-name", name);
        DeviceUser device = devices.create("at-file");
        Path keyFile = device.writeHomeFile("auth.key.txt", key + "\n");
        device.startDaemon();

        ProcessResult signin = device.cli("signin", "--auth-key=@" + keyFile);

        assertSignedInAs(name, signin);
        device.awaitStatus("signed in and subscribed", SUBSCRIBE_TIMEOUT, StatusOutput::healthy);
        assertListedAndNotified(device, name, email, email, password);
    }

    @Test
    void auth_key_file_dropped_into_the_state_folder_is_consumed_while_the_daemon_runs() throws IOException {
        String email = Fixtures.uniqueEmail("drop-user");
        String password = Fixtures.password();
        cloud.accounts().createUser(email, password);
        String name = Fixtures.uniqueName("dropped-pi");
        String key = cloud.accounts().createAuthKey("--user", email, "--device-name", name);
        DeviceUser device = devices.create("dropped");
        device.startDaemon();
        assertTrue(device.status().signedOut());

        Path authKey = device.writeAuthKeyFile(key);

        Waits.until(Duration.ofSeconds(30), "the daemon to consume and delete " + authKey,
                () -> !Files.exists(authKey));
        device.awaitStatus("signed in and subscribed", SUBSCRIBE_TIMEOUT, StatusOutput::healthy);
        try (Stream<Path> files = Files.list(device.stateDir())) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("auth.key")).toList(), "a consumed key leaves nothing behind");
        }
        assertListedAndNotified(device, name, email, email, password);
    }

    @Test
    void organisation_auth_key_from_the_management_api_signs_the_device_in_with_its_preset_name() throws IOException {
        String email = Fixtures.uniqueEmail("org-admin");
        String password = Fixtures.password();
        String org = Fixtures.uniqueName("Org");
        cloud.accounts().createUser(email, password);
        cloud.accounts().createOrg(org, email);
        String token = cloud.accounts().createToken(org);
        String name = Fixtures.uniqueName("pi5");

        HttpResult created = new ManagementApi(cloud.url(), token).createAuthKey("e2e provisioning", 1, name);

        assertEquals(201, created.status(), created::toString);
        JsonNode body = CloudJson.mapper().readTree(created.body());
        assertTrue(body.path("secret").asText().startsWith("rpoak_"), "an organisation key starts with rpoak_");
        assertEquals("e2e provisioning", body.path("description").asText());
        assertEquals(name, body.path("device_name").asText());
        assertNotNull(body.get("expires_at"));
        assertFalse(body.path("id").asText().isEmpty());

        DeviceUser device = devices.create("org-key");
        device.startDaemon();
        ProcessResult signin = device.cli("signin", "--auth-key=" + body.path("secret").asText());

        assertSignedInAs(name, signin);
        device.awaitStatus("signed in and subscribed", SUBSCRIBE_TIMEOUT, StatusOutput::healthy);
        assertListedAndNotified(device, name, org, email, password);
    }

    private static void assertSignedInAs(String name, ProcessResult signin) {
        assertEquals(0, signin.exitCode(), signin::toString);
        assertTrue(signin.stdout().lines().anyMatch(l -> l.equals("Signed in successfully as " + name)),
                () -> "expected 'Signed in successfully as " + name + "': " + signin);
    }

    /**
     * The cloud lists the device (by its board's serial) under its name, owned by {@code owner} (the user's email
     * or the organisation's name) and signed in; and the user got a mail naming it.
     */
    private void assertListedAndNotified(DeviceUser device, String name, String owner, String email,
                                         String password) {
        DeviceRow row = Fixtures.rowFor(cloud.accounts().devices(), device.board().serial());
        assertEquals(List.of(name, owner, "yes"), List.of(row.name(), row.owner(), row.signedIn()), row::toString);
        pages().signIn(email, password);
        String outbox = pages().outbox();
        assertTrue(outbox.contains(name), () -> "the outbox of " + email + " should hold a mail about " + name
                + ", it shows:\n" + outbox);
    }

    private static CloudPages pages() {
        if (browser == null) browser = Browser.start();
        return new CloudPages(browser, cloud.url());
    }
}
