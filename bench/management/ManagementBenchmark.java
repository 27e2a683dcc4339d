import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.CloudJson;
import org.openrpiconnect.cloud.PublicUrl;
import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.db.DatabaseSettings;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.Owner;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.protocol.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Management API benchmark (bench/management/run): seeds N organisation devices (default 100,000) straight into a
 * fresh database through the cloud's own store, starts the real server ({@code bin/rpi-connect-cloud serve}) on it,
 * and times over HTTP on loopback:
 * <ul>
 *   <li>{@code query}: {@code GET /organisation/devices?query=model:5 tag:production kiosk}, repeated;</li>
 *   <li>{@code paging}: plain {@code GET /organisation/devices?page=P} for every page, first to last.</li>
 * </ul>
 * on SQLite and on PostgreSQL (a throwaway cluster on loopback). Prints {@code name value unit} lines.
 *
 * <p>Usage: {@code ManagementBenchmark ROOT [--devices N] [--db sqlite|postgresql|both] [--query-runs N]}
 */
public final class ManagementBenchmark {
    static final String QUERY = "model:5 tag:production kiosk";
    static final String[] FUNCTIONS = {"kiosk", "pos", "dashboard", "signage", "sensor"};
    static final String[] LOCATIONS = {"london", "leeds", "paris", "berlin", "madrid", "oslo", "rome", "dublin"};

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int devices = 100_000;
        String which = "both";
        int queryRuns = 300;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--devices" -> devices = Integer.parseInt(args[++i]);
                case "--db" -> which = args[++i];
                case "--query-runs" -> queryRuns = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + ": use --devices N, --db sqlite|postgresql|both, --query-runs N");
            }
        }
        if (which.equals("sqlite") || which.equals("both")) run(root, "sqlite", devices, queryRuns);
        if (which.equals("postgresql") || which.equals("both")) run(root, "postgresql", devices, queryRuns);
    }

    static void run(Path root, String kind, int devices, int queryRuns) throws Exception {
        Path dir = Files.createTempDirectory("bench-management-" + kind);
        Postgres pg = kind.equals("postgresql")
                ? Postgres.start(Files.createTempDirectory("bench-management-pg")) : null;
        Process server = null;
        try {
            DatabaseSettings settings = new DatabaseSettings(dir.resolve("data"), pg == null ? null : pg.url,
                    pg == null ? null : "postgres", null);
            Seeded seeded = seed(settings, devices, kind);
            List<String> serve = new ArrayList<>(List.of(root.resolve("bin/rpi-connect-cloud").toString(), "serve",
                    "--port", "0", "--data", settings.dataDir().toString(), "--api-rate-limit", "100000000"));
            if (pg != null) serve.addAll(List.of("--db-url", pg.url, "--db-user", "postgres"));
            server = new ProcessBuilder(serve).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String url = listeningUrl(server);
            Client client = new Client(url, seeded.token);

            String query = "/organisation/devices?query=" + java.net.URLEncoder.encode(QUERY, StandardCharsets.UTF_8)
                    .replace("+", "%20");
            long matches = client.totalCount(query);
            long total = client.totalCount("/organisation/devices");
            if (total != devices) throw new IllegalStateException("listed " + total + " devices, seeded " + devices);
            if (matches != seeded.expectedMatches) {
                throw new IllegalStateException("the query found " + matches + ", expected " + seeded.expectedMatches);
            }
            int pages = (devices + 99) / 100;
            for (int i = 0; i < 50; i++) {          // warm-up: JIT, connection pool, database caches
                client.time(query);
                client.time("/organisation/devices?page=" + (1 + i * pages / 50));
            }
            double[] q = new double[queryRuns];
            for (int i = 0; i < queryRuns; i++) q[i] = client.time(query);
            double[] p = new double[pages];
            for (int page = 1; page <= pages; page++) p[page - 1] = client.time("/organisation/devices?page=" + page);

            print(kind + "_load_average_1m", loadAverage(), "processes");
            print(kind + "_devices", devices, "devices");
            print(kind + "_seed_time", seeded.seconds, "s");
            print(kind + "_query_matches", matches, "devices");
            print(kind + "_query_p50", percentile(q, 50), "ms");
            print(kind + "_query_p99", percentile(q, 99), "ms");
            print(kind + "_paging_pages", pages, "pages");
            print(kind + "_paging_p50", percentile(p, 50), "ms");
            print(kind + "_paging_p99", percentile(p, 99), "ms");
            print(kind + "_paging_last_page", p[pages - 1], "ms");
        } finally {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(20, TimeUnit.SECONDS)) server.destroyForcibly();
            }
            if (pg != null) {
                pg.stop();
                delete(pg.dir);
            }
            delete(dir);
        }
    }

    record Seeded(String token, long expectedMatches, double seconds) {}

    /** Devices straight into the database through the cloud's DeviceStore (same columns as a real link). */
    static Seeded seed(DatabaseSettings settings, int count, String kind) {
        long start = System.nanoTime();
        try (Database db = Database.open(settings)) {
            Cloud cloud = Cloud.withOutbox(db, Clock.systemUTC(), new PublicUrl("http://127.0.0.1"));
            User admin = cloud.accounts.create("bench@example.org", "benchmark-password");
            Organisation org = cloud.organisations.create("Benchco", admin);
            String token = cloud.apiTokens.create(org, "benchmark").secret();
            Random random = new Random(42);
            long now = System.currentTimeMillis();
            long matches = 0;
            int batch = 2000;
            for (int from = 0; from < count; from += batch) {
                List<Device> chunk = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + batch); i++) {
                    Device d = device(random, i, org.id(), now);
                    if (d.boardModel().equals("Raspberry Pi 5") && d.tags().contains("production")
                            && d.name().contains("kiosk")) {
                        matches++;
                    }
                    chunk.add(d);
                }
                db.inTransaction(c -> {
                    for (Device d : chunk) cloud.deviceStore.insert(c, d);
                    return null;
                });
            }
            db.read(c -> {
                try (Statement s = c.createStatement()) {
                    // what a database in steady use has: planner statistics (and, on PostgreSQL, the visibility
                    // map that autovacuum keeps, which index-only scans need)
                    s.execute(db.isSqlite() ? "ANALYZE" : "VACUUM ANALYZE");
                }
                return null;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf("%s: seeded %d devices in %.1f s%n", kind, count, seconds);
            return new Seeded(token, matches, seconds);
        }
    }

    static Device device(Random r, int i, String organisationId, long now) {
        String function = FUNCTIONS[r.nextInt(FUNCTIONS.length)];
        String location = LOCATIONS[r.nextInt(LOCATIONS.length)];
        int m = r.nextInt(100);
        String[] board = m < 40 ? new String[] {"Raspberry Pi 5", "1.0", r.nextBoolean() ? "8 GB" : "4 GB"}
                : m < 70 ? new String[] {"Raspberry Pi 4B", "1.5", "4 GB"}
                : m < 85 ? new String[] {"Raspberry Pi 3B+", "1.3", "1 GB"}
                : m < 95 ? new String[] {"Raspberry Pi Zero 2 W", "1.0", "512 MB"}
                : new String[] {"Raspberry Pi CM4", "1.1", "2 GB"};
        int o = r.nextInt(10);
        String[] os = o < 6 ? new String[] {"Raspberry Pi OS", "13 (Trixie)"}
                : o < 9 ? new String[] {"Raspberry Pi OS", "12 (Bookworm)"}
                : new String[] {"Debian GNU/Linux", "12 (bookworm)"};
        List<String> tags = List.of(r.nextInt(10) < 7 ? "production" : "staging", function, location);
        String name = function + "-" + location + "-" + String.format("%06d", i);
        return new Device(Secrets.newId(), name, String.format("%016x", 0x10000000000L + i),
                Owner.organisation(organisationId), null, name, board[0], board[1], board[2], os[0], os[1],
                "aarch64", "2.9.0", tags, now, now, now);
    }

    static String listeningUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("rpi-connect-cloud listening on ")) {
            throw new IllegalStateException("the server did not start (" + line + "): is mock-cloud built?");
        }
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    static final class Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;
        private final String token;

        Client(String base, String token) {
            this.base = base;
            this.token = token;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
            return r;
        }

        /** Milliseconds from sending the request to having the whole body. */
        double time(String path) throws IOException, InterruptedException {
            long t = System.nanoTime();
            get(path);
            return (System.nanoTime() - t) / 1e6;
        }

        long totalCount(String path) throws IOException, InterruptedException {
            return CloudJson.mapper().readTree(get(path).body()).get("meta").get("total_count").asLong();
        }
    }

    /** The machine's 1-minute load average when measuring (other work on the machine shows in the p99). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static double percentile(double[] samples, int p) {
        double[] s = samples.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, rank))];
    }

    static void print(String name, double value, String unit) {
        System.out.println(name + " " + (value == Math.rint(value) ? Long.toString((long) value)
                : String.format("%.2f", value)) + " " + unit);
        System.out.flush();
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    /** A throwaway PostgreSQL cluster on loopback (as the test user when run as root: initdb refuses root). */
    static final class Postgres {
        static final String TEST_USER = "connect-test";
        final Path dir;
        final Path bin;
        final String url;

        private Postgres(Path dir, Path bin, String url) {
            this.dir = dir;
            this.bin = bin;
            this.url = url;
        }

        static Postgres start(Path dir) throws Exception {
            Path bin;
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(Path::toString)).orElseThrow(() -> new IllegalStateException(
                                "PostgreSQL is not installed: apt-get install -y postgresql"));
            }
            if (isRoot()) {
                Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(TEST_USER));
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--no-sync");
            // durability settings as shipped (fsync on): the numbers are those of a real server on this machine
            run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
            String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            try (Connection c = DriverManager.getConnection(admin, "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE connect");
            }
            return new Postgres(dir, bin, "jdbc:postgresql://127.0.0.1:" + port + "/connect");
        }

        void stop() {
            try {
                run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                        "stop");
            } catch (Exception e) {
                System.err.println("stopping PostgreSQL: " + e.getMessage());
            }
        }

        private static void run(String... command) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>();
            if (isRoot()) cmd.addAll(List.of("runuser", "-u", TEST_USER, "--"));
            cmd.addAll(List.of(command));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
        }

        private static boolean isRoot() {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
