package org.openrpiconnect.cloud;

import org.openrpiconnect.cloud.command.CloudCommand;
import org.openrpiconnect.cloud.command.CloudConf;
import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.db.DatabaseSettings;
import org.openrpiconnect.cloud.session.IceSettings;
import org.openrpiconnect.cloud.web.CloudServer;
import org.openrpiconnect.cloud.web.mgmt.ApiAccess;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A real cloud server on a random port over a fresh SQLite directory, plus its admin command line. */
public final class TestCloud implements AutoCloseable {
    public final Path dataDir;
    public final MutableClock clock = new MutableClock();
    public final Database db;
    public final Cloud cloud;
    public final CloudServer server;
    public final String url;

    private TestCloud(DatabaseSettings settings, int apiRateLimit) throws IOException {
        this(settings, apiRateLimit, IceSettings.none());
    }

    private TestCloud(DatabaseSettings settings, int apiRateLimit, IceSettings ice) throws IOException {
        this.dataDir = settings.dataDir();
        this.db = Database.open(settings);
        if (settings.jdbcUrl() != null) {
            // as serve does: admin commands given only --data find the same database through cloud.conf
            CloudConf.write(dataDir, settings.jdbcUrl(), settings.user(), settings.passwordFile());
        }
        PublicUrl publicUrl = new PublicUrl(null);
        this.cloud = Cloud.withOutbox(db, clock, publicUrl);
        this.server = new CloudServer(cloud, apiRateLimit, ice);
        int port = server.start("127.0.0.1", 0);
        this.url = "http://127.0.0.1:" + port;
        publicUrl.set(url);
    }

    public static TestCloud start() {
        return start(null, null);
    }

    /** A cloud on a fresh SQLite file that hands these STUN/TURN servers to remote session peers. */
    public static TestCloud start(IceSettings ice) {
        try {
            return new TestCloud(new DatabaseSettings(Files.createTempDirectory("cloud-test"), null, null, null),
                    ApiAccess.DEFAULT_RATE_LIMIT, ice);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cloud instance on the given database (null: a fresh SQLite file), as several instances share PostgreSQL. */
    public static TestCloud start(String jdbcUrl, String user) {
        return start(jdbcUrl, user, ApiAccess.DEFAULT_RATE_LIMIT);
    }

    /** As {@link #start(String, String)}, with this Management API rate limit (requests per token per hour). */
    public static TestCloud start(String jdbcUrl, String user, int apiRateLimit) {
        try {
            return new TestCloud(new DatabaseSettings(Files.createTempDirectory("cloud-test"), jdbcUrl, user, null),
                    apiRateLimit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record CommandResult(int code, String out, String err) {}

    /** Runs an admin command in this JVM with its own database connections, as a separate process would. */
    public CommandResult commandWithInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(dataDir.toString());
        return execute(stdin, all.toArray(String[]::new));
    }

    /** Runs the command line in this JVM, with {@code stdin} as standard input. */
    public static CommandResult execute(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CloudCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        InputStream savedIn = System.in;
        // admin commands quieten the project's logger for their (normally separate) JVM: restore it after
        ch.qos.logback.classic.Logger projectLogger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.openrpiconnect");
        ch.qos.logback.classic.Level savedLevel = projectLogger.getLevel();
        try {
            System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
            int code = cl.execute(args);
            return new CommandResult(code, out.toString(), err.toString());
        } finally {
            System.setIn(savedIn);
            projectLogger.setLevel(savedLevel);
        }
    }

    public CommandResult command(String... args) {
        return commandWithInput(null, args);
    }

    /** Creates a user through the admin command; returns the email. */
    public String user(String email) {
        CommandResult r = commandWithInput("correct horse battery\n", "user", "create", email);
        if (r.code() != 0) throw new IllegalStateException(r.err());
        return email;
    }

    /** Creates an organisation (and its administrator) through the admin commands; returns its id. */
    public String organisation(String name, String adminEmail) {
        if (cloud.accounts.findByEmail(adminEmail).isEmpty()) user(adminEmail);
        CommandResult r = command("org", "create", name, "--admin", adminEmail);
        if (r.code() != 0) throw new IllegalStateException(r.err());
        return cloud.organisations.requireByName(name).id();
    }

    /** A new rporg_ token of the organisation, through the admin command. */
    public String token(String organisationName) {
        return secret(command("token", "create", "--org", organisationName));
    }

    public String personalKey(String email, String... extra) {
        List<String> args = new ArrayList<>(List.of("auth-key", "create", "--user", email));
        args.addAll(List.of(extra));
        return secret(command(args.toArray(String[]::new)));
    }

    public String orgKey(String org, String... extra) {
        List<String> args = new ArrayList<>(List.of("auth-key", "create", "--org", org));
        args.addAll(List.of(extra));
        return secret(command(args.toArray(String[]::new)));
    }

    private static String secret(CommandResult r) {
        if (r.code() != 0) throw new IllegalStateException(r.err());
        return r.out().strip();
    }

    @Override
    public void close() {
        server.close();
        db.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
