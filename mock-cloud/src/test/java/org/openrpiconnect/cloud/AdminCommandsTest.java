package org.openrpiconnect.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.cloud.TestCloud.CommandResult;
import org.openrpiconnect.cloud.command.CloudCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminCommandsTest {
    static TestCloud cloud;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static void assertOneLineError(CommandResult r, String expectedPart) {
        assertNotEquals(0, r.code());
        assertEquals("", r.out());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line, no stack trace: " + err);
        assertTrue(err.startsWith("rpi-connect-cloud: "), err);
        assertTrue(err.contains(expectedPart), err);
    }

    @Test
    void user_create_reads_the_password_from_stdin_and_prints_the_new_user() {
        CommandResult r = cloud.commandWithInput("long enough password\n", "user", "create", "Ann@Example.org");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("Created user ann@example\\.org \\(id [0-9a-f-]{36}\\)\\n"), r.out());
        assertTrue(cloud.cloud.accounts.authenticate("ann@example.org", "long enough password").isPresent());
    }

    @Test
    void user_create_with_a_short_password_or_no_password_fails_with_one_line() {
        assertOneLineError(cloud.commandWithInput("short\n", "user", "create", "b@example.org"), "at least 8");
        assertOneLineError(cloud.commandWithInput("", "user", "create", "c@example.org"), "standard input");
        assertOneLineError(cloud.commandWithInput("long enough\n", "user", "create", "not-an-email"),
                "not an email address");
    }

    @Test
    void org_billing_and_trial_end_set_what_deployments_depend_on() {
        cloud.user("billing@example.org");
        assertEquals(0, cloud.command("org", "create", "Billco", "--admin", "billing@example.org").code());
        CommandResult end = cloud.command("org", "trial-end", "Billco", "--at", "2020-01-02T03:04:05Z");
        assertEquals(0, end.code(), end.err());
        assertEquals("The trial of Billco ends at 2020-01-02T03:04:05Z\n", end.out());
        var org = cloud.cloud.organisations.requireByName("Billco");
        assertTrue(org.deploymentsBlockedAt(System.currentTimeMillis()));
        CommandResult on = cloud.command("org", "billing", "Billco", "--enabled", "true");
        assertEquals("Billing for Billco is now enabled\n", on.out());
        assertFalse(cloud.cloud.organisations.requireByName("Billco").deploymentsBlockedAt(System.currentTimeMillis()));
        assertOneLineError(cloud.command("org", "billing", "Billco", "--enabled", "yes"), "true or false");
        assertOneLineError(cloud.command("org", "trial-end", "Billco", "--at", "tomorrow"), "ISO 8601");
        assertOneLineError(cloud.command("org", "billing", "Nope", "--enabled", "true"), "No organisation named");
    }

    @Test
    void serve_refuses_a_rate_limit_below_one() {
        assertOneLineError(cloud.command("serve", "--port", "0", "--api-rate-limit", "0"), "--api-rate-limit");
    }

    @Test
    void org_create_prints_the_new_organisation_and_refuses_an_unknown_admin() {
        cloud.user("founder@example.org");
        CommandResult r = cloud.command("org", "create", "Founders", "--admin", "founder@example.org");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("Created organisation Founders \\(id [0-9a-f-]{36}\\)\\n"), r.out());
        assertOneLineError(cloud.command("org", "create", "Other", "--admin", "ghost@example.org"), "user create");
        assertOneLineError(cloud.command("org", "create", "Founders", "--admin", "founder@example.org"),
                "already exists");
    }

    @Test
    void auth_key_and_token_create_print_only_the_secret_on_stdout() {
        cloud.user("secret@example.org");
        cloud.command("org", "create", "Secretco", "--admin", "secret@example.org");
        CommandResult personal = cloud.command("auth-key", "create", "--user", "secret@example.org");
        assertTrue(personal.out().matches("rpuak_[0-9A-Za-z]{43}\\n"), personal.out());
        assertTrue(personal.err().contains("expires at"), personal.err());
        CommandResult org = cloud.command("auth-key", "create", "--org", "Secretco", "--ttl-days", "90",
                "--device-name", "pi-9", "--tag", "lab", "--description", "lab devices");
        assertTrue(org.out().matches("rpoak_[0-9A-Za-z]{43}\\n"), org.out());
        CommandResult token = cloud.command("token", "create", "--org", "Secretco", "--description", "ci");
        assertTrue(token.out().matches("rporg_[0-9A-Za-z]{43}\\n"), token.out());
    }

    @Test
    void auth_key_create_validates_like_the_api() {
        cloud.user("valid@example.org");
        assertOneLineError(cloud.command("auth-key", "create", "--user", "valid@example.org", "--ttl-days", "91"),
                "Ttl days must be between 1 and 90");
        assertOneLineError(cloud.command("auth-key", "create", "--user", "valid@example.org", "--tag", "Bad Tag"),
                "Tags must contain only lowercase");
        CommandResult neither = cloud.command("auth-key", "create");
        assertEquals(2, neither.code(), "a usage error");
        assertTrue(neither.err().contains("--user") && neither.err().contains("--org"), neither.err());
    }

    @Test
    void device_list_prints_a_header_then_tab_separated_rows() {
        cloud.user("lister@example.org");
        FakeDevice d = new FakeDevice(cloud, "list-serial", "listpi");
        d.signInWithAuthKey(cloud.personalKey("lister@example.org"));
        CommandResult r = cloud.command("device", "list");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("ID\tNAME\tSERIAL\tOWNER\tSIGNED_IN", lines[0]);
        assertTrue(r.out().contains(d.deviceId + "\tlistpi\tlist-serial\tlister@example.org\tyes\n"), r.out());
    }

    @Test
    void device_rename_and_remove_report_what_they_did_and_refuse_unknown_ids() {
        cloud.user("changer@example.org");
        FakeDevice d = new FakeDevice(cloud, "change-serial", "changepi");
        d.signInWithAuthKey(cloud.personalKey("changer@example.org"));
        assertEquals("Renamed device " + d.deviceId + " to new-name\n",
                cloud.command("device", "rename", d.deviceId, "new-name").out());
        assertEquals("Removed device " + d.deviceId + " (new-name)\n", cloud.command("device", "remove", d.deviceId)
                .out());
        assertOneLineError(cloud.command("device", "remove", d.deviceId), "device list");
        assertOneLineError(cloud.command("device", "rename", "nope", "x"), "No device");
    }

    @Test
    void every_command_has_help() {
        for (String[] cmd : new String[][] {{"--help"}, {"serve", "--help"}, {"user", "create", "--help"},
                {"org", "create", "--help"}, {"auth-key", "create", "--help"}, {"token", "create", "--help"},
                {"device", "list", "--help"}, {"device", "remove", "--help"}, {"device", "rename", "--help"}}) {
            StringWriter out = new StringWriter();
            CommandLine cl = CloudCommand.commandLine();
            cl.setOut(new PrintWriter(out));
            assertEquals(0, cl.execute(cmd), String.join(" ", cmd));
            assertTrue(out.toString().contains("Usage:"), String.join(" ", cmd));
        }
        StringWriter out = new StringWriter();
        CommandLine cl = CloudCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.execute("auth-key", "create", "--help");
        assertFalse(out.toString().contains("--ttl-seconds"), "the test-only option stays hidden");
    }

    @Test
    void db_url_in_cloud_conf_is_used_and_a_bad_line_is_explained(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cloud.conf"), "db_url=jdbc:postgresql://127.0.0.1:1/nothing-here\n");
        CommandResult r = run(dir, "device", "list");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("jdbc:postgresql://127.0.0.1:1/nothing-here"), r.err());
        Files.writeString(dir.resolve("cloud.conf"), "colour=blue\n");
        CommandResult bad = run(dir, "device", "list");
        assertTrue(bad.err().contains("cloud.conf line 1"), bad.err());
    }

    private static CommandResult run(Path dir, String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data", dir.toString())).toArray(String[]::new);
        return TestCloud.execute(null, all);
    }
}
