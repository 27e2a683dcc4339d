package org.openrpiconnect.cloud.store;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for one test class: initdb in a temp directory, listening on 127.0.0.1 at a free
 * port, trust authentication, stopped and deleted after. initdb refuses to run as root, so as root the cluster runs
 * as the test user {@value #TEST_USER} (scripts/setup-test-env creates it).
 */
public final class PostgresCluster implements AutoCloseable {
    static final String TEST_USER = "connect-test";
    private static PostgresCluster shared;
    private final Path dir;
    private final Path bin;
    private final int port;

    private PostgresCluster(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    /** Starts a cluster, or skips the calling test (JUnit assumption) when no PostgreSQL binaries are installed. */
    public static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = findBinaries();
        Assumptions.assumeTrue(bin != null, "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin:"
                + " install postgresql (apt-get install -y postgresql) to run the PostgreSQL store tests");
        Path dir = Files.createTempDirectory("cloud-pg");
        if (isRoot()) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            try {
                Files.setOwner(dir, users.lookupPrincipalByName(TEST_USER));
            } catch (IOException e) {
                throw new IllegalStateException("the user " + TEST_USER + " is missing: run scripts/setup-test-env"
                        + " (PostgreSQL cannot run as root)", e);
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresCluster cluster = new PostgresCluster(dir, bin, port);
        cluster.run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync");
        cluster.run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return cluster;
    }

    /**
     * One cluster for every test class of this JVM that asks (started on first use, stopped when the JVM exits);
     * each class takes its own database with {@link #createDatabase}.
     */
    public static synchronized PostgresCluster shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = start();
            PostgresCluster cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "postgres-stop"));
        }
        return shared;
    }

    /** A new empty database in this cluster; returns its JDBC URL. */
    public String createDatabase(String prefix) throws java.sql.SQLException {
        return createDatabase(prefix, "");
    }

    /** As {@link #createDatabase(String)}, with extra CREATE DATABASE options (e.g. an ICU locale). */
    public String createDatabase(String prefix, String options) throws java.sql.SQLException {
        String name = prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl(), user(), "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " " + options);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                    "stop");
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // already stopped; nothing else to do but delete
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (isRoot()) cmd.addAll(List.of("runuser", "-u", TEST_USER, "--"));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static Path findBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
