package org.openrpiconnect.packaging;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openrpiconnect.protocol.Version;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The amd64 packages on this machine, the way a user gets them: installed with apt, the CLI and the daemon run as
 * the ordinary user connect-test through the installed launchers, the device signed in against a local cloud, a
 * switch to rpi-connect-lite and back, then `apt-get remove --purge`. Needs root (it installs system packages):
 * skipped otherwise. Whatever happens, the packages are purged at the end, leaving the machine as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallIT {
    private static final String NOT_RUNNING = "Raspberry Pi Connect is not running, run rpi-connect on";
    private static final Path REPO = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final List<String> OUR_DIRS = List.of("/usr/share/rpi-connect", "/usr/lib/rpi-connect",
            "/etc/rpi-connect", "/var/cache/rpi-connect", "/usr/share/doc/rpi-connect",
            "/usr/share/doc/rpi-connect-lite");

    private Path work;
    private TestUser user;
    private Path home;
    private Path runtime;
    private Process cloud;
    private Process daemon;
    private String cloudUrl;
    private boolean installedHere;

    @BeforeAll
    void installFullPackage() throws IOException {
        ClassSkip.unlessPackagesCanBeInstalled(InstallIT.class);
        work = WorkDir.create("rpi-connect-package-test");
        user = TestUser.in(work);
        home = user.home();
        runtime = user.runtime();

        installedHere = true;
        AptPackages.install(Debs.of(Flavour.FULL, DebianArch.AMD64));
        assertEquals("install ok installed", AptPackages.state(Flavour.FULL));
    }

    @AfterAll
    void purgeEverything() throws IOException {
        stopDaemon();
        if (cloud != null) cloud.destroy();
        if (installedHere) AptPackages.purgeAllQuietly();
        if (work != null) WorkDir.delete(work);
    }

    @Test
    @Order(1)
    void installed_rpi_connect_prints_its_version() {
        Run version = asUser(Map.of(), "rpi-connect", "--version");

        assertEquals(0, version.exitCode(), version.describe());
        assertEquals("rpi-connect " + Version.current(), version.output().strip());
    }

    @Test
    @Order(1)
    void the_cli_loads_its_classes_from_the_class_data_sharing_archive_made_at_installation() throws IOException {
        assertTrue(Files.isRegularFile(Path.of("/var/cache/rpi-connect/rpi-connect.jsa")), "postinst made no archive");
        Path log = runtime.resolve("class-load.log");

        Run version = asUser(Map.of("RPI_CONNECT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
                "rpi-connect", "--version");

        assertEquals(0, version.exitCode(), version.describe());
        String loaded = Files.readString(log);
        assertTrue(loaded.contains("org.openrpiconnect.cli.Main source: shared objects file"), loaded);
        assertTrue(loaded.contains("picocli.CommandLine source: shared objects file"), loaded);
    }

    @Test
    @Order(2)
    void status_without_a_daemon_says_it_is_not_running() {
        Run status = asUser(Map.of(), "rpi-connect", "status");

        assertEquals(3, status.exitCode(), status.describe());
        assertTrue(status.output().contains(NOT_RUNNING), status.describe());
        assertFalse(status.output().contains("[warning]"), "JVM warnings leak into the output:\n" + status.output());
    }

    @Test
    @Order(2)
    void status_without_a_daemon_takes_the_fast_path_all_from_the_archive() throws IOException {
        Path log = runtime.resolve("status-class-load.log");

        Run status = asUser(Map.of("RPI_CONNECT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "rpi-connect",
                "status");

        assertEquals(3, status.exitCode(), status.describe());
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" org.openrpiconnect.cli.FastPath ")), "no FastPath");
        // A few picocli interfaces and exceptions are loaded with the CLI's classes; its model is never built.
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" picocli.CommandLine source:")
                || l.contains(" picocli.CommandLine$Model$")).toList(), "picocli built its model");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" org.openrpiconnect.")
                && !l.contains("source: shared objects file")).toList(), "classes not from the archive");
    }

    @Test
    @Order(3)
    void installed_user_units_pass_systemd_analyze_verify() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is not installed");
        List<String> units;
        try (Stream<Path> files = Files.list(Path.of("/usr/lib/systemd/user"))) {
            units = files.map(Path::toString).filter(n -> n.contains("/rpi-connect")).sorted().toList();
        }
        assertEquals(Flavour.FULL.units().size(), units.size(), "installed units: " + units);
        for (String unit : units) {
            Run verify = asUser(Map.of(), "systemd-analyze", "--user", "verify", unit);
            assertEquals(0, verify.exitCode(), verify.describe());
            assertEquals("", verify.output().strip(), verify.describe());
        }
        assertTrue(Files.isSymbolicLink(Path.of("/etc/systemd/user/default.target.wants/rpi-connect.service")),
                "rpi-connect.service is not enabled for all users");
    }

    @Test
    @Order(3)
    void wayvnc_accepts_the_installed_configuration_of_the_wayvnc_unit() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/wayvnc")), "wayvnc is not installed");
        // Without a Wayland session wayvnc stops after reading its configuration: a bad key fails before that.
        Run wayvnc = Run.of(List.of("wayvnc", "--config", "/etc/rpi-connect/wayvnc.config", "--unix-socket",
                work.resolve("wayvnc.sock").toString()), Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(20));

        assertFalse(wayvnc.output().contains("Failed to load config"), wayvnc.describe());
        assertTrue(wayvnc.output().contains("wayland"), "wayvnc did not get past its configuration: "
                + wayvnc.describe());
    }

    @Test
    @Order(4)
    void daemon_started_by_the_installed_launcher_signs_in_against_a_local_cloud() throws Exception {
        startCloud();
        String key = createAuthKey();
        startDaemon();

        Run signin = asUser(Map.of(), "rpi-connect", "signin", "--auth-key=" + key);
        assertEquals(0, signin.exitCode(), signin.describe());

        assertSignedIn();
    }

    @Test
    @Order(5)
    void status_answered_by_the_daemon_loads_the_json_codec_from_the_archive() throws IOException {
        assumeTrue(daemon != null && daemon.isAlive(), "the daemon is not running (see the test before)");
        Path log = runtime.resolve("answered-class-load.log");

        Run status = asUser(Map.of("RPI_CONNECT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "rpi-connect",
                "status");

        assertEquals(0, status.exitCode(), status.describe());
        String loaded = Files.readString(log);
        assertTrue(loaded.contains("org.openrpiconnect.protocol.json.JsonParser source: shared objects file"), loaded);
        assertFalse(loaded.contains("com.fasterxml"), "the CLI loads no Jackson class");
        assertTrue(loaded.contains("org.openrpiconnect.protocol.local.StatusResult source: shared objects file"),
                loaded);
    }

    @Test
    @Order(5)
    void daemon_loads_its_native_libraries_from_usr_lib_and_extracts_nothing_to_tmp() throws Exception {
        assumeTrue(daemon != null && daemon.isAlive(), "the daemon is not running (see the test before)");
        List<String> command = new ArrayList<>(daemonJavaCommand());
        int main = command.indexOf("org.openrpiconnect.daemon.Main");
        int classpath = command.indexOf("-cp") + 1;
        command.set(classpath, command.get(classpath) + ":" + Path.of(NativeLoadProbe.class
                .getProtectionDomain().getCodeSource().getLocation().toURI()));
        command.subList(main, command.size()).clear();
        command.add(NativeLoadProbe.class.getName());
        List<String> tmpBefore = tmpEntries();

        Run probe = asUser(Map.of(), command.toArray(new String[0]));

        assertTrue(probe.output().contains("pty works, exit 0"), probe.describe());
        assertTrue(probe.output().contains("webrtc works"), probe.describe());
        assertTrue(probe.output().contains("mapped /usr/lib/rpi-connect/jna/libjnidispatch.so"), probe.describe());
        assertTrue(probe.output().contains("mapped /usr/lib/rpi-connect/pty4j/linux/x86-64/libpty.so"),
                probe.describe());
        // webrtc-java always copies its library before loading it: into the private directory, deleted at once.
        assertTrue(probe.output().contains("mapped " + runtime.resolve("rpi-connectd-tmp") + "/"), probe.describe());
        assertEquals(tmpBefore, tmpEntries(), "something was extracted to /tmp");
    }

    @Test
    @Order(5)
    void the_daemon_maps_the_class_data_sharing_archive_made_at_installation() throws IOException {
        assumeTrue(daemon != null && daemon.isAlive(), "the daemon is not running (see the test before)");
        String archive = "/var/cache/rpi-connect/rpi-connectd.jsa";
        assertTrue(Files.isRegularFile(Path.of(archive)), "postinst made no archive for the daemon");

        assertTrue(daemonJavaCommand().contains("-XX:SharedArchiveFile=" + archive), daemonJavaCommand().toString());
        String maps = Files.readString(Path.of("/proc", Long.toString(daemon.pid()), "maps"));
        assertTrue(maps.contains(archive), "the daemon runs without its archive");
        String log = Files.readString(work.resolve("daemon.log"));
        assertFalse(log.contains("[cds") || log.contains("[class,path"), "the JVM complained:\n" + log);
    }

    @Test
    @Order(5)
    void the_daemon_gets_the_optional_jvm_settings_its_java_was_checked_to_accept() throws Exception {
        assumeTrue(daemon != null && daemon.isAlive(), "the daemon is not running (see the test before)");
        String javaLine = Files.readString(Path.of("/var/cache/rpi-connect/rpi-connectd.jsa.java"));
        // this machine's java (17.0.9 or later, checked below) accepts the trimmer
        Run accepts = Run.of("/usr/bin/java", "-XX:TrimNativeHeapInterval=5000", "-version");
        assumeTrue(accepts.exitCode() == 0, "this java has no -XX:TrimNativeHeapInterval: " + accepts.describe());

        assertTrue(javaLine.lines().anyMatch(l -> l.equals("-XX:TrimNativeHeapInterval=5000")), javaLine);
        assertTrue(daemonJavaCommand().contains("-XX:TrimNativeHeapInterval=5000"), daemonJavaCommand().toString());
    }

    /** The java command line of the daemon the installed launcher started (the launcher execs java). */
    private List<String> daemonJavaCommand() throws IOException {
        byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(daemon.pid()), "cmdline"));
        return List.of(new String(cmdline, java.nio.charset.StandardCharsets.UTF_8).split("\0"));
    }

    private static List<String> tmpEntries() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/tmp"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("pty4j") || n.startsWith("jna") || n.contains("webrtc")).sorted().toList();
        }
    }

    @Test
    @Order(6)
    void a_linked_daemon_starting_finds_its_cloud_connection_in_the_archive_made_at_installation() throws Exception {
        assumeTrue(cloudUrl != null, "the device was not signed in (see the test before)");
        stopDaemon();
        Path log = runtime.resolve("daemon-class-load.log");

        startDaemon(Map.of("RPI_CONNECT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log));
        awaitSubscribed();
        stopDaemon();

        // the archive's training went the linked path (sign-in in a first run, then a linked start), not a refusal
        String loaded = Files.readString(log);
        for (String name : List.of("org.openrpiconnect.daemon.cloud.EventSubscription",
                "org.openrpiconnect.daemon.cloud.WebSocketConnection", "org.openrpiconnect.daemon.cloud.HttpExchange",
                "org.openrpiconnect.protocol.device.DeviceEvent")) {
            assertTrue(loaded.contains(" " + name + " source: shared objects file"), name + " not from the archive:\n"
                    + loaded.lines().filter(l -> l.contains(" " + name + " ")).toList());
        }
    }

    @Test
    @Order(7)
    void switching_to_lite_and_back_keeps_the_sign_in() throws Exception {
        assumeTrue(cloudUrl != null, "the device was not signed in (see the test before)");
        stopDaemon();

        AptPackages.install(Debs.of(Flavour.LITE, DebianArch.AMD64));
        assertEquals("install ok installed", AptPackages.state(Flavour.LITE));
        assertFalse(Files.exists(Path.of("/usr/lib/systemd/user/rpi-connect-wayvnc.service")));
        startDaemon();
        assertSignedIn();
        stopDaemon();

        AptPackages.install(Debs.of(Flavour.FULL, DebianArch.AMD64));
        assertEquals("install ok installed", AptPackages.state(Flavour.FULL));
        startDaemon();
        assertSignedIn();
        stopDaemon();
    }

    @Test
    @Order(8)
    void upgrade_keeps_a_unit_the_administrator_disabled_disabled_and_rebuilds_the_start_up_archive()
            throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemctl")), "systemctl is not installed");
        Path signinLink = Path.of("/etc/systemd/user/default.target.wants/rpi-connect-signin.path");
        Path serviceLink = Path.of("/etc/systemd/user/default.target.wants/rpi-connect.service");
        Path archive = Path.of("/var/cache/rpi-connect/rpi-connect.jsa");
        Run.of("systemctl", "--global", "disable", "rpi-connect-signin.path").ok();
        assertFalse(Files.exists(signinLink, LinkOption.NOFOLLOW_LINKS));
        Files.delete(archive);

        // Reinstalling the same version runs the upgrade path of the maintainer scripts.
        AptPackages.install(Debs.of(Flavour.FULL, DebianArch.AMD64), "--reinstall");

        assertFalse(Files.exists(signinLink, LinkOption.NOFOLLOW_LINKS), "the upgrade re-enabled a disabled unit");
        assertTrue(Files.isSymbolicLink(serviceLink), "the upgrade disabled rpi-connect.service");
        assertTrue(Files.isRegularFile(archive), "the upgrade did not rebuild the class-data sharing archive");
    }

    @Test
    @Order(9)
    void purge_removes_every_file_of_the_packages_and_none_of_the_users() throws IOException {
        stopDaemon();
        Path userConfig = Files.createDirectories(home.resolve(".config/com.raspberrypi.connect"));
        Path marker = Files.writeString(userConfig.resolve("kept-by-purge"), "mine");
        List<String> packageFiles = new ArrayList<>();
        for (String line : Run.of("dpkg", "-L", Flavour.FULL.packageName()).ok().output().lines().toList()) {
            Path path = Path.of(line);
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) packageFiles.add(line);
        }
        packageFiles.addAll(List.of("/var/cache/rpi-connect/rpi-connect.jsa", "/var/cache/rpi-connect/rpi-connectd.jsa",
                "/etc/systemd/user/default.target.wants/rpi-connect.service",
                "/etc/systemd/user/default.target.wants/rpi-connect-signin.path",
                "/etc/systemd/user/graphical-session.target.wants/rpi-connect-wayvnc.service",
                "/var/lib/systemd/deb-systemd-user-helper-enabled/rpi-connect.service.dsh-also"));

        for (Flavour flavour : Flavour.values()) {
            if (!AptPackages.state(flavour).isEmpty()) AptPackages.purge(flavour);
        }

        List<String> left = new ArrayList<>();
        for (String file : packageFiles) {
            if (Files.exists(Path.of(file), LinkOption.NOFOLLOW_LINKS)) left.add(file);
        }
        for (String dir : OUR_DIRS) {
            if (Files.exists(Path.of(dir), LinkOption.NOFOLLOW_LINKS)) left.add(dir);
        }
        assertEquals(List.of(), left, "files left after purge");
        assertTrue(Files.exists(marker), "purge deleted a file in ~/.config/com.raspberrypi.connect");
        assertTrue(Files.exists(userConfig.resolve("state.json")), "purge deleted the user's sign-in state");
    }

    private void awaitSubscribed() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Run status = asUser(Map.of(), "rpi-connect", "status");
        while (!status.output().contains("Subscribed to events: yes") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = asUser(Map.of(), "rpi-connect", "status");
        }
        assertTrue(status.output().contains("Subscribed to events: yes"), status.describe());
    }

    private void assertSignedIn() {
        Run status = asUser(Map.of(), "rpi-connect", "status");
        assertEquals(0, status.exitCode(), status.describe());
        assertTrue(status.output().contains("Signed in: yes"), status.describe());
    }

    private void startCloud() throws Exception {
        Path data = Files.createDirectories(work.resolve("cloud"));
        Path log = work.resolve("cloud.log");
        cloud = new ProcessBuilder(REPO.resolve("bin/rpi-connect-cloud").toString(), "serve", "--port", "0",
                "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Pattern listening = Pattern.compile("rpi-connect-cloud listening on (http://127\\.0\\.0\\.1:[0-9]+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = listening.matcher(Files.readString(log));
            if (m.find()) {
                cloudUrl = m.group(1);
                return;
            }
            if (!cloud.isAlive()) break;
            Thread.sleep(200);
        }
        throw new AssertionError("the cloud did not start (is mock-cloud built?):\n" + Files.readString(log));
    }

    private String createAuthKey() {
        Path data = work.resolve("cloud");
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.put("PW", "correct horse battery staple");
        Run.of(List.of("sh", "-c", "printf '%s\\n' \"$PW\" | \"$0\" user create alice@example.org --data \"$1\"",
                REPO.resolve("bin/rpi-connect-cloud").toString(), data.toString()), env, Duration.ofSeconds(60)).ok();
        Run key = Run.of(List.of(REPO.resolve("bin/rpi-connect-cloud").toString(), "auth-key", "create", "--user",
                "alice@example.org", "--data", data.toString()), null, Duration.ofSeconds(60)).ok();
        return key.output().lines().filter(l -> l.startsWith("rpuak_")).findFirst()
                .orElseThrow(() -> new AssertionError("no auth key printed:\n" + key.output()));
    }

    private void startDaemon() throws Exception {
        startDaemon(Map.of());
    }

    private void startDaemon(Map<String, String> extraEnv) throws Exception {
        Path socket = runtime.resolve("rpi-connect.sock");
        Path log = work.resolve("daemon.log");
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("RPI_CONNECT_CLOUD_URL", cloudUrl);
        daemon = new ProcessBuilder(asUserCommand(env, "/usr/bin/rpi-connectd"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(socket)) {
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("rpi-connectd did not open " + socket + ":\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private void stopDaemon() {
        if (daemon == null) return;
        daemon.destroy();
        try {
            if (!daemon.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) daemon.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        daemon = null;
    }

    private Run asUser(Map<String, String> extraEnv, String... command) {
        return Run.of(asUserCommand(extraEnv, command), null, Duration.ofSeconds(60));
    }

    /** The command as connect-test, without a systemd user manager (there is none here): the CLI runs the daemon. */
    private List<String> asUserCommand(Map<String, String> extraEnv, String... command) {
        Map<String, String> env = new LinkedHashMap<>(Map.of("RPI_CONNECT_SERVICE_MANAGER", "direct"));
        env.putAll(extraEnv);
        return user.command(env, command);
    }
}
