package org.openrpiconnect.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openrpiconnect.cloud.CloudJson;
import org.openrpiconnect.e2e.harness.Browser;
import org.openrpiconnect.e2e.harness.CloudAdmin;
import org.openrpiconnect.e2e.harness.CloudPages;
import org.openrpiconnect.e2e.harness.CloudProcess;
import org.openrpiconnect.e2e.harness.CommandRunner;
import org.openrpiconnect.e2e.harness.DeviceUser;
import org.openrpiconnect.e2e.harness.Devices;
import org.openrpiconnect.e2e.harness.E2eLogs;
import org.openrpiconnect.e2e.harness.FakeDevice;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.HttpResult;
import org.openrpiconnect.e2e.harness.ManagementApi;
import org.openrpiconnect.e2e.harness.ProcessResult;
import org.openrpiconnect.e2e.harness.SecretScanner;
import org.openrpiconnect.e2e.harness.StatusOutput;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceCodeStart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.e2e.harness.Fixtures.SUBSCRIBE_TIMEOUT;

/**
 * Secrets are shown once and never kept or logged in clear: after a run that exercises every secret (password,
 * rporg_ token, personal, organisation and web-made auth keys, a refused key, a device code, device private
 * keys), none appears in the cloud's database dump or in any log line of the cloud, the daemons or the CLI.
 */
class NoSecretLeakTest {
    private static Path classLogs;
    private static CloudProcess cloud;

    @BeforeAll
    static void startCloud() {
        classLogs = E2eLogs.forClass(NoSecretLeakTest.class);
        cloud = CloudProcess.start(classLogs);
    }

    @AfterAll
    static void stopCloud() {
        if (cloud != null) cloud.close();
    }

    @Test
    void no_secret_or_private_key_appears_in_the_database_dump_or_in_any_log(TestInfo test) throws Exception {
        SecretScanner stored = new SecretScanner();
        String email = Fixtures.uniqueEmail("secretive");
        String password = Fixtures.password();
        String org = Fixtures.uniqueName("SecretOrg");
        cloud.accounts().createUser(email, password);
        cloud.accounts().createOrg(org, email);
        String token = cloud.accounts().createToken(org);
        HttpResult apiKey = new ManagementApi(cloud.url(), token).createAuthKey("leak check", 1, "leak-api");
        assertEquals(201, apiKey.status(), apiKey::toString);
        String orgApiKey = CloudJson.mapper().readTree(apiKey.body()).path("secret").asText();
        String userKey = cloud.accounts().createAuthKey("--user", email, "--device-name", "leak-cli");
        String orgKey = cloud.accounts().createAuthKey("--org", org, "--device-name", "leak-file");
        String unknownKey = "rpuak_" + Fixtures.randomHex(16);
        stored.add("password", password).add("rporg_ token", token).add("organisation auth key (API)", orgApiKey)
                .add("personal auth key", userKey).add("organisation auth key (admin)", orgKey)
                .add("unknown auth key", unknownKey);

        List<DeviceUser> linked = new ArrayList<>();
        try (Devices devices = new Devices(cloud, E2eLogs.forTest(test))) {
            DeviceUser byArgument = devices.create("leak-arg");
            byArgument.startDaemon();
            assertEquals(0, byArgument.cli("signin", "--auth-key=" + userKey).exitCode());
            linked.add(byArgument);

            DeviceUser byAtFile = devices.create("leak-at");
            Path keyFile = byAtFile.writeHomeFile("key.txt", orgKey + "\n");
            byAtFile.startDaemon();
            assertEquals(0, byAtFile.cli("signin", "--auth-key=@" + keyFile).exitCode());
            linked.add(byAtFile);

            DeviceUser byDrop = devices.create("leak-drop");
            byDrop.startDaemon();
            byDrop.writeAuthKeyFile(orgApiKey);
            linked.add(byDrop);

            DeviceUser refused = devices.create("leak-refused");
            refused.startDaemon();
            assertNotEquals(0, refused.cli("signin", "--auth-key=" + userKey).exitCode(), "reused key");
            assertNotEquals(0, refused.cli("signin", "--auth-key=" + unknownKey).exitCode(), "unknown key");

            for (DeviceUser d : linked) {
                d.awaitStatus("signed in and subscribed", SUBSCRIBE_TIMEOUT, StatusOutput::healthy);
                d.cli("doctor");
            }

            String webKey;
            try (Browser browser = Browser.start()) {
                CloudPages pages = new CloudPages(browser, cloud.url());
                pages.signIn(email, password);
                webKey = pages.createAuthKey("made on the web", 1);
            }
            stored.add("auth key made in /settings", webKey);

            FakeDevice fake = new FakeDevice(cloud.url(), FakeDevice.newHttpClient());
            HttpResult started = fake.startDeviceCode();
            assertEquals(201, started.status(), started::toString);
            String deviceCode = started.as(DeviceCodeStart.class).deviceCode();
            fake.pollDeviceCode(deviceCode);

            for (DeviceUser d : linked) {
                Path pem = d.stateDir().resolve("device-key.pem");
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pem)),
                        "the private key file must be private");
                stored.addPrivateKeyPem(d.name() + "'s private key",
                        Files.readString(pem, StandardCharsets.UTF_8));
                d.stopDaemon(); // flushes its log
            }

            SecretScanner logged = stored.copy().add("device code", deviceCode);
            ProcessResult dump = CommandRunner.run("sqlite3 .dump", List.of("sqlite3",
                    cloud.dataDir().resolve("cloud.db").toString(), ".dump"), null, null, Duration.ofSeconds(60));
            assertEquals(0, dump.exitCode(), dump::toString);
            assertTrue(dump.stdout().contains("CREATE TABLE"), "the dump should hold the cloud's tables");

            SecretScanner.FileScan logs = logged.scanFiles(classLogs,
                    f -> !f.getFileName().toString().equals(CloudAdmin.STDOUT_LOG));
            for (String expected : List.of("cloud.log", "daemon-leak-arg.log", "daemon-leak-at.log",
                    "daemon-leak-drop.log", "daemon-leak-refused.log", "cli-leak-arg.log", "cli-leak-refused.log")) {
                assertTrue(logs.scanned().stream().anyMatch(f -> f.endsWith(expected)),
                        "the scan must cover " + expected + ", it read " + logs.scanned());
            }
            List<String> findings = new ArrayList<>(stored.findIn("cloud.db dump", dump.stdout()));
            findings.addAll(logs.findings());
            assertEquals(List.of(), findings, "secrets found in clear (" + logged.size() + " secrets checked in the "
                    + "dump and " + logs.scanned().size() + " log files)");
        }
    }
}
