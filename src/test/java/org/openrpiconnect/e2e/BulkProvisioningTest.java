package org.openrpiconnect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openrpiconnect.cloud.CloudJson;
import org.openrpiconnect.e2e.harness.CloudAdmin;
import org.openrpiconnect.e2e.harness.CloudProcess;
import org.openrpiconnect.e2e.harness.CommandRunner;
import org.openrpiconnect.e2e.harness.DeviceUser;
import org.openrpiconnect.e2e.harness.Devices;
import org.openrpiconnect.e2e.harness.E2eLogs;
import org.openrpiconnect.e2e.harness.E2ePaths;
import org.openrpiconnect.e2e.harness.Fixtures;
import org.openrpiconnect.e2e.harness.HttpResult;
import org.openrpiconnect.e2e.harness.ProcessResult;
import org.openrpiconnect.e2e.harness.SecretScanner;
import org.openrpiconnect.e2e.harness.StatusOutput;
import org.openrpiconnect.e2e.harness.TempDirs;
import org.openrpiconnect.e2e.harness.Waits;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.RequestSignature;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.e2e.harness.Fixtures.SUBSCRIBE_TIMEOUT;

/**
 * Provisioning many devices without anyone at them (seed 001), with real processes: the cloud, its admin command
 * line, the seed's bulk provisioning script run as written (curl + jq), and real daemons and CLIs on Raspberry Pi 5
 * boards as the daemon sees them. Then the other path the seed recommends: a device identity, with which a daemon
 * signs itself in, and which does not undo a removal.
 */
class BulkProvisioningTest {
    private static final String SEED_HOST = "https://api.connect.raspberrypi.com";
    private static final String SEED_TOKEN = "rporg_accesstokenhere";
    private static final List<String> NAMES = List.of("pi5-001", "pi5-002", "pi5-003");
    /** Seed 001, "Bulk provisioning", word for word (checked against the seed when it is at hand). */
    private static final String SEED_SCRIPT = """
            for DEVICE in pi5-001 pi5-002 pi5-003; do
            SECRET=$(curl --silent --fail \\
            --header 'Authorization: Bearer rporg_accesstokenhere' \\
            --data-urlencode "description=${DEVICE}" \\
            --data-urlencode "device_name=${DEVICE}" \\
            --data-urlencode "tags[]=production" \\
            https://api.connect.raspberrypi.com/organisation/auth-keys \\
            | jq -r '.secret')
            if [ -z "${SECRET}" ]; then
            echo "Failed to create auth key for ${DEVICE}" >&2
            continue
            fi
            echo "${SECRET}" > "${DEVICE}.key"
            echo "Created auth key for ${DEVICE}: ${DEVICE}.key"
            done
            """;
    private static final String REMOVED = "This device was removed from your Connect account. Run rpi-connect "
            + "signin to link it again.";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private static CloudProcess cloud;
    private static Path classLogs;
    private static String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(HTTP_TIMEOUT).build();
    private Devices devices;

    @BeforeAll
    static void startCloudWithAnOrganisation() {
        classLogs = E2eLogs.forClass(BulkProvisioningTest.class);
        cloud = CloudProcess.start(classLogs);
        String admin = Fixtures.uniqueEmail("fleet-admin");
        cloud.accounts().createUser(admin, Fixtures.password());
        String org = Fixtures.uniqueName("fleet");
        cloud.accounts().createOrg(org, admin);
        token = cloud.accounts().createToken(org);
    }

    @AfterAll
    static void stopCloud() {
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
    void seed_script_provisions_three_devices_that_link_with_their_key_files_and_are_found_by_tag() throws Exception {
        checkScriptIsTheSeeds();
        Path workstation = TempDirs.create("provisioning");
        try {
            Files.writeString(workstation.resolve("provision.sh"),
                    SEED_SCRIPT.replace(SEED_HOST, cloud.url()).replace(SEED_TOKEN, token));
            ProcessResult run = CommandRunner.run("seed 001 bulk provisioning script",
                    List.of("bash", "-c", "cd \"$1\" && exec bash provision.sh", "provision", workstation.toString()),
                    null, null, Duration.ofSeconds(60));

            assertEquals(0, run.exitCode(), run::toString);
            assertEquals("", run.stderr(), run::toString);
            assertEquals(NAMES.stream().map(n -> "Created auth key for " + n + ": " + n + ".key").toList(),
                    run.stdout().lines().toList());
            Map<String, String> keys = new LinkedHashMap<>();
            for (String name : NAMES) {
                String content = Files.readString(workstation.resolve(name + ".key"));
                assertTrue(content.matches("rpoak_\\S+\n"), name + ".key must hold one organisation auth key");
                keys.put(name, content.strip());
            }

            // On each device: Connect on, then the key copied to auth.key; then the provisioning machine's copy goes.
            List<DeviceUser> fleet = new ArrayList<>();
            for (String name : NAMES) {
                DeviceUser device = devices.create(name);
                device.startDaemon();
                device.writeAuthKeyFile(keys.get(name));
                Files.delete(workstation.resolve(name + ".key"));
                fleet.add(device);
            }
            for (DeviceUser device : fleet) {
                device.awaitStatus("signed in with its auth.key", SUBSCRIBE_TIMEOUT, StatusOutput::healthy);
                Waits.until(Duration.ofSeconds(10), device.name() + "'s auth.key to be deleted",
                        () -> !Files.exists(device.stateDir().resolve("auth.key")));
            }

            JsonNode found = getJson("/organisation/devices?query=" + enc("tag:production"));

            assertEquals(3, found.path("meta").path("total_count").asInt(), found::toString);
            List<JsonNode> listed = new ArrayList<>();
            found.path("devices").forEach(listed::add);
            assertEquals(NAMES, listed.stream().map(d -> d.path("name").asText()).toList(), "sorted by name");
            for (int i = 0; i < NAMES.size(); i++) {
                JsonNode d = listed.get(i);
                assertEquals(fleet.get(i).board().serial(), d.path("serial_number").asText(), d::toString);
                assertEquals(List.of("production"), strings(d.path("tags")), d::toString);
                assertEquals("Raspberry Pi 5", d.path("board").path("model").asText(), d::toString);
                assertEquals("8 GB", d.path("board").path("memory").asText(), d::toString);
                assertEquals("5", d.path("filters").path("model").asText(), d::toString);
            }
            for (DeviceUser device : fleet) device.stopDaemon(); // flushes the logs scanned below
            SecretScanner secrets = new SecretScanner().add("management API token", token);
            keys.forEach((name, key) -> secrets.add(name + "'s auth key", key));
            assertNoSecretsInLogs(secrets);
        } finally {
            TempDirs.deleteRecursively(workstation);
        }
    }

    @Test
    void device_identity_signs_the_daemon_in_by_itself_and_a_removal_is_not_undone_by_a_restart() throws Exception {
        KeyPair identity = DeviceKeys.generate();
        JsonNode created = createIdentity(identity, "identity e2e", "pi5-idt");
        assertEquals("pi5-idt", created.path("device_name").asText(), created::toString);

        DeviceUser device = devices.create("identity");
        // Java writes the private key alone; openssl ec adds the public key the daemon takes from the file.
        ProcessResult withPublicKey = CommandRunner.run("openssl ec", List.of("openssl", "ec"), null,
                DeviceKeys.privateKeyPem(identity.getPrivate()), Duration.ofSeconds(30));
        assertEquals(0, withPublicKey.exitCode(), withPublicKey::toString);
        String privatePem = withPublicKey.stdout();
        Path keyFile = device.writeHomeFile("identity.pem", privatePem);
        device.writeStateFile("connect.conf", ("identity_key_file=" + keyFile + "\n").getBytes(StandardCharsets.UTF_8));
        device.startDaemon();

        device.awaitStatus("signed in by its identity", SUBSCRIBE_TIMEOUT, StatusOutput::healthy);
        JsonNode listed = deviceWithSerial(device.board().serial())
                .orElseThrow(() -> new AssertionError("the device is not in GET /organisation/devices"));
        assertEquals("pi5-idt", listed.path("name").asText(), listed::toString);
        assertEquals("Raspberry Pi 5", listed.path("board").path("model").asText(), listed::toString);
        String deviceId = listed.path("id").asText();
        Waits.until(Duration.ofSeconds(10), "the identity sign-in in the daemon's log", () -> logHas(device,
                "Signed in with device identity (device " + deviceId + ") as pi5-idt"));

        // Removed through the API: signed out through its event socket, and not linked again by a restart.
        assertEquals(204, send("DELETE", "/organisation/devices/" + deviceId, null, Map.of()).status());
        device.awaitStatus("signed out by the removal", SUBSCRIBE_TIMEOUT, s -> s.signedOut()
                && s.problem().equals(REMOVED));
        device.stopDaemon();
        device.startDaemon();
        Thread.sleep(3000); // an automatic sign-in would be done well within this

        StatusOutput afterRestart = device.status();
        assertTrue(afterRestart.signedOut(), afterRestart::toString);
        assertEquals(REMOVED, afterRestart.problem(), afterRestart::toString);
        assertTrue(deviceWithSerial(device.board().serial()).isEmpty(), "the removed device must stay removed");

        // The user's signin uses the identity again (it is multi-use).
        ProcessResult signin = device.cli("signin");
        assertEquals(0, signin.exitCode(), signin::toString);
        JsonNode back = Waits.until(Duration.ofSeconds(10), "the device listed again",
                () -> deviceWithSerial(device.board().serial()).orElse(null), () -> "");
        assertEquals("Signed in successfully as " + back.path("name").asText(), signin.stdout().strip());
        device.awaitStatus("signed in again", SUBSCRIBE_TIMEOUT, StatusOutput::healthy);

        device.stopDaemon();
        assertNoSecretsInLogs(new SecretScanner().add("management API token", token)
                .addPrivateKeyPem("identity private key", privatePem));
    }

    // ---- the Management API, as a provisioning script calls it --------------------------------------------------

    /** POST /organisation/device-identities with the X-Connect-Identity-Signature seed 001 describes. */
    private JsonNode createIdentity(KeyPair identity, String description, String deviceName) throws Exception {
        String path = "/organisation/device-identities";
        byte[] body = Json.writeBytes(Map.of("public_key", DeviceKeys.publicKeyPem(identity.getPublic()),
                "description", description, "device_name", deviceName));
        String accept = "application/json";
        String payload = "POST\n" + cloud.url() + path + "\nAuthorization: Bearer " + token
                + "\nContent-Type: application/json\nAccept: " + accept + "\n" + RequestSignature.sha256Hex(body);
        HttpResult r = send("POST", path, body, Map.of("Content-Type", "application/json", "Accept", accept,
                "X-Connect-Identity-Signature", RequestSignature.sign(identity.getPrivate(), payload)));
        assertEquals(201, r.status(), r::toString);
        return CloudJson.tree(r.body());
    }

    private Optional<JsonNode> deviceWithSerial(String serial) {
        JsonNode page = getJson("/organisation/devices?per_page=100");
        for (JsonNode d : page.path("devices")) {
            if (serial.equals(d.path("serial_number").asText())) return Optional.of(d);
        }
        return Optional.empty();
    }

    private JsonNode getJson(String pathAndQuery) {
        HttpResult r = send("GET", pathAndQuery, null, Map.of());
        assertEquals(200, r.status(), () -> "GET " + pathAndQuery + ": " + r);
        return CloudJson.tree(r.body());
    }

    private HttpResult send(String method, String pathAndQuery, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cloud.url() + pathAndQuery)).timeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    /** The embedded script is the seed's, line for line, wherever the seeds are (../shared/seeds) to compare. */
    private static void checkScriptIsTheSeeds() throws IOException {
        Path seeds = E2ePaths.repoRoot().resolveSibling("shared").resolve("seeds");
        if (!Files.isDirectory(seeds)) return;
        try (Stream<Path> files = Files.list(seeds)) {
            Optional<Path> seed = files.filter(f -> f.getFileName().toString().startsWith("001_")).findFirst();
            if (seed.isEmpty()) return;
            List<String> lines = Files.readAllLines(seed.get());
            int from = lines.indexOf(SEED_SCRIPT.lines().findFirst().orElseThrow());
            int to = lines.subList(Math.max(from, 0), lines.size()).indexOf("done") + Math.max(from, 0);
            assertTrue(from >= 0 && to > from, "the bulk provisioning script is no longer in " + seed.get());
            assertEquals(lines.subList(from, to + 1), SEED_SCRIPT.lines().toList(), "the script must be the seed's");
        }
    }

    private static boolean logHas(DeviceUser device, String line) {
        try {
            return Files.readString(device.daemonLog()).contains(line);
        } catch (IOException e) {
            return false;
        }
    }

    /** Nothing secret in any log of this class (the admin's stdout, where secrets are shown once by design, aside). */
    private static void assertNoSecretsInLogs(SecretScanner secrets) {
        SecretScanner.FileScan scan = secrets.scanFiles(classLogs,
                f -> !f.getFileName().toString().equals(CloudAdmin.STDOUT_LOG));
        assertTrue(scan.scanned().stream().anyMatch(f -> f.startsWith("cloud")), "the cloud's log is scanned");
        assertTrue(scan.scanned().stream().anyMatch(f -> f.contains("daemon-")), "the daemons' logs are scanned");
        assertEquals(List.of(), scan.findings(), "secrets found in " + scan.scanned());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
