package org.openrpiconnect.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.Version;
import org.openrpiconnect.protocol.local.DoctorResult;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.LocalRequest;
import org.openrpiconnect.protocol.local.ServiceParams;
import org.openrpiconnect.protocol.local.SignInParams;
import org.openrpiconnect.protocol.local.SignInResult;
import org.openrpiconnect.protocol.local.StatusResult;
import org.openrpiconnect.protocol.local.StatusResult.ServiceStatus;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI against a real Unix socket that answers with canned local-API responses. */
class CliAgainstLocalSocketTest {
    private static final String NOT_RUNNING = "Raspberry Pi Connect is not running, run rpi-connect on\n";

    @TempDir
    Path runtimeDir;
    @TempDir
    Path home;
    CliRun cli;
    FakeDaemon daemon;

    @BeforeEach
    void setUp() {
        cli = new CliRun(runtimeDir, home);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (daemon != null) daemon.close();
    }

    private static StatusResult status(boolean signedIn, String pendingUrl, String problem) {
        return new StatusResult(signedIn, signedIn, new ServiceStatus(true, 0), new ServiceStatus(true, 0),
                signedIn ? "kitchen-pi" : null, "http://127.0.0.1:1", pendingUrl, problem);
    }

    private void startDaemonAnsweringStatus(StatusResult status) throws Exception {
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.answerWith(request -> daemon.ok(status));
    }

    @Test
    void every_daemon_command_says_not_running_when_there_is_no_socket() {
        for (String[] args : List.of(new String[] {"status"}, new String[] {"signin"}, new String[] {"signout"},
                new String[] {"vnc", "on"}, new String[] {"shell", "off"}, new String[] {"doctor"},
                new String[] {"status", "--json"})) {
            CliRun.Result result = cli.run(args);

            assertEquals(ExitCodes.NOT_RUNNING, result.exitCode(), String.join(" ", args));
            assertEquals(NOT_RUNNING, result.err(), String.join(" ", args));
            assertEquals("", result.out());
        }
    }

    @Test
    void a_stale_socket_that_refuses_connections_means_not_running() throws Exception {
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(runtimeDir.resolve("rpi-connect.sock")));
        } // closed: the socket file stays behind, nobody listens
        assertTrue(Files.exists(runtimeDir.resolve("rpi-connect.sock")));

        CliRun.Result result = cli.run("status");

        assertEquals(ExitCodes.NOT_RUNNING, result.exitCode());
        assertEquals(NOT_RUNNING, result.err());
    }

    @Test
    void status_prints_the_four_documented_lines() throws Exception {
        startDaemonAnsweringStatus(new StatusResult(true, true, new ServiceStatus(true, 0),
                new ServiceStatus(false, 2), "kitchen-pi", "http://127.0.0.1:1", null, null));

        CliRun.Result result = cli.run("status");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("""
                Signed in: yes
                Subscribed to events: yes
                Screen sharing: allowed (0 sessions active)
                Remote shell: disallowed (2 sessions active)
                """, result.out());
        assertEquals("", result.err());
        assertEquals(List.of(LocalMethod.STATUS), daemon.methods());
    }

    @Test
    void status_json_prints_the_status_result_in_the_protocol_json() throws Exception {
        StatusResult status = status(false, "http://127.0.0.1:1/verify/ABCD-EFGH", "The auth key was rejected");
        startDaemonAnsweringStatus(status);

        CliRun.Result result = cli.run("status", "--json");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(status, Json.read(result.out(), StatusResult.class));
        assertTrue(result.out().contains("\"signin_pending_url\""), result.out());
    }

    @Test
    void a_daemon_of_another_version_gets_one_warning_even_when_called_many_times() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.reportVersion("1.0.0");
        daemon.answerWith(request -> request.method() == LocalMethod.SIGNIN
                ? daemon.ok(new SignInResult(SignInResult.PENDING, "http://127.0.0.1:1/verify/AAAA-BBBB", null))
                : daemon.ok(status(polls.incrementAndGet() >= 3, "http://127.0.0.1:1/verify/AAAA-BBBB", null)));

        CliRun.Result result = cli.run("signin");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("rpi-connect " + Version.current() + " is talking to rpi-connectd 1.0.0; run rpi-connect restart\n",
                result.err());
        assertTrue(daemon.requests().size() >= 4, "several calls were made: " + daemon.methods());
    }

    @Test
    void a_daemon_of_the_same_version_gets_no_warning() throws Exception {
        startDaemonAnsweringStatus(status(true, null, null));

        assertEquals("", cli.run("status").err());
    }

    @Test
    void rejected_auth_key_prints_the_daemons_reason_and_exits_with_its_code() throws Exception {
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.answerWith(request -> daemon.error(LocalErrorCode.AUTH_KEY_REJECTED,
                "The auth key has expired; create a new one on the Settings page of your Connect account"));

        CliRun.Result result = cli.run("signin", "--auth-key=rpuak_secret123");

        assertEquals(ExitCodes.AUTH_KEY_REJECTED, result.exitCode());
        assertEquals("The auth key has expired; create a new one on the Settings page of your Connect account\n",
                result.err());
        assertFalse(result.all().contains("rpuak_secret123"), "the key is never echoed");
    }

    @Test
    void auth_key_sign_in_sends_the_key_and_names_the_device() throws Exception {
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.answerWith(request -> daemon.ok(new SignInResult(SignInResult.SIGNED_IN, null, "kitchen-pi")));

        CliRun.Result result = cli.run("signin", "--auth-key=rpuak_secret123");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Signed in successfully as kitchen-pi\n", result.out());
        assertEquals("rpuak_secret123", signInParams(daemon.requests().get(0)).authKey());
        assertFalse(result.all().contains("rpuak_secret123"), "the key is never echoed");
    }

    @Test
    void auth_key_file_is_read_by_the_cli_and_trimmed() throws Exception {
        Path keyFile = Files.writeString(home.resolve("auth.key"), "  rpoak_fromfile\n\n");
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.answerWith(request -> daemon.ok(new SignInResult(SignInResult.SIGNED_IN, null, "kitchen-pi")));

        CliRun.Result result = cli.run("signin", "--auth-key=@" + keyFile);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("rpoak_fromfile", signInParams(daemon.requests().get(0)).authKey());
    }

    @Test
    void missing_auth_key_file_is_a_usage_error_naming_the_path_and_contacts_no_daemon() throws Exception {
        startDaemonAnsweringStatus(status(false, null, null));
        Path missing = home.resolve("nope.key");

        CliRun.Result result = cli.run("signin", "--auth-key=@" + missing);

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains(missing.toString()), result.err());
        assertTrue(daemon.requests().isEmpty());
    }

    @Test
    void device_code_sign_in_prints_the_url_then_waits_until_signed_in() throws Exception {
        String url = "http://127.0.0.1:1/verify/ABCD-EFGH";
        AtomicInteger polls = new AtomicInteger();
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.answerWith(request -> request.method() == LocalMethod.SIGNIN
                ? daemon.ok(new SignInResult(SignInResult.PENDING, url, null))
                : daemon.ok(status(polls.incrementAndGet() >= 3, url, null)));

        CliRun.Result result = cli.run("signin");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Complete sign in by visiting " + url + "\nSigned in successfully as kitchen-pi\n", result.out());
        assertNull(signInParams(daemon.requests().get(0)).authKey());
        assertEquals(3, polls.get());
    }

    @Test
    void device_code_sign_in_that_expires_prints_the_daemons_problem_and_fails() throws Exception {
        String url = "http://127.0.0.1:1/verify/ABCD-EFGH";
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.answerWith(request -> request.method() == LocalMethod.SIGNIN
                ? daemon.ok(new SignInResult(SignInResult.PENDING, url, null))
                : daemon.ok(status(false, null, "The sign-in request expired; run rpi-connect signin again")));

        CliRun.Result result = cli.run("signin");

        assertEquals(ExitCodes.FAILED, result.exitCode());
        assertEquals("Complete sign in by visiting " + url + "\n", result.out());
        assertEquals("The sign-in request expired; run rpi-connect signin again\n", result.err());
    }

    @Test
    void signin_when_already_signed_in_relays_the_daemons_message() throws Exception {
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.answerWith(request -> daemon.error(LocalErrorCode.ALREADY_SIGNED_IN,
                "Already signed in as kitchen-pi; run rpi-connect signout first"));

        CliRun.Result result = cli.run("signin");

        assertEquals(ExitCodes.WRONG_STATE, result.exitCode());
        assertEquals("Already signed in as kitchen-pi; run rpi-connect signout first\n", result.err());
    }

    @Test
    void signout_says_signed_out() throws Exception {
        startDaemonAnsweringStatus(status(false, null, null));

        CliRun.Result result = cli.run("signout");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Signed out\n", result.out());
        assertEquals(List.of(LocalMethod.SIGNOUT), daemon.methods());
    }

    @Test
    void signout_when_not_signed_in_says_so_and_succeeds() throws Exception {
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.answerWith(request -> daemon.error(LocalErrorCode.NOT_SIGNED_IN, "Not signed in"));

        CliRun.Result result = cli.run("signout");

        assertEquals(0, result.exitCode());
        assertEquals("Not signed in\n", result.out());
    }

    @Test
    void vnc_and_shell_toggles_send_set_service_and_confirm() throws Exception {
        startDaemonAnsweringStatus(status(true, null, null));

        assertEquals("Screen sharing disallowed\n", cli.run("vnc", "off").out());
        assertEquals("Screen sharing allowed\n", cli.run("vnc", "on").out());
        assertEquals("Remote shell access disallowed\n", cli.run("shell", "off").out());
        assertEquals("Remote shell access allowed\n", cli.run("shell", "on").out());

        List<ServiceParams> sent = daemon.requests().stream()
                .map(r -> Json.read(r.params(), ServiceParams.class)).toList();
        assertEquals(List.of(new ServiceParams("vnc", false), new ServiceParams("vnc", true),
                new ServiceParams("shell", false), new ServiceParams("shell", true)), sent);
    }

    @Test
    void doctor_with_a_failed_check_prints_the_hint_and_exits_1() throws Exception {
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.answerWith(request -> daemon.ok(new DoctorResult(List.of(
                new DoctorResult.Check(DoctorResult.WEBSOCKET, true, null),
                new DoctorResult.Check(DoctorResult.API, false, "Check that this device can reach the cloud")))));

        CliRun.Result result = cli.run("doctor");
        CliRun.Result json = cli.run("doctor", "--json");

        assertEquals(ExitCodes.FAILED, result.exitCode());
        assertEquals("""
                ✓ Communication with Raspberry Pi Connect WebSocket server
                ✗ Communication with Raspberry Pi Connect API - Check that this device can reach the cloud
                ✗ Some checks failed
                """, result.out());
        assertEquals(ExitCodes.FAILED, json.exitCode());
        assertFalse(Json.read(json.out(), DoctorResult.class).allPassed());
    }

    @Test
    void other_daemon_errors_print_the_message_and_map_to_their_exit_code() throws Exception {
        daemon = new FakeDaemon(runtimeDir, null);
        daemon.answerWith(request -> daemon.error(LocalErrorCode.CLOUD_UNREACHABLE,
                "Cannot reach the cloud at http://127.0.0.1:1; check the network and try again"));

        CliRun.Result result = cli.run("signin", "--auth-key=rpuak_x");

        assertEquals(ExitCodes.CLOUD_UNREACHABLE, result.exitCode());
        assertEquals("Cannot reach the cloud at http://127.0.0.1:1; check the network and try again\n", result.err());
    }

    @Test
    void a_garbled_answer_is_reported_without_a_stack_trace() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(runtimeDir.resolve("rpi-connect.sock")));
            Thread garbler = new Thread(() -> {
                try (var client = server.accept()) {
                    client.read(java.nio.ByteBuffer.allocate(4096));
                    client.write(java.nio.ByteBuffer.wrap("this is not json\n".getBytes()));
                } catch (Exception ignored) {
                    // the test's assertions tell
                }
            });
            garbler.start();

            CliRun.Result result = cli.run("status");
            garbler.join(5000);

            assertEquals(ExitCodes.SOFTWARE, result.exitCode());
            assertTrue(result.err().startsWith("rpi-connectd sent an answer rpi-connect cannot read"), result.err());
            assertEquals(1, result.err().lines().count(), result.err());
        }
    }

    private static SignInParams signInParams(LocalRequest request) {
        return Json.read(request.params(), SignInParams.class);
    }
}
