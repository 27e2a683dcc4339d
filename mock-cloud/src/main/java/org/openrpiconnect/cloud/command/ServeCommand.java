package org.openrpiconnect.cloud.command;

import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.PublicUrl;
import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.db.DatabaseSettings;
import org.openrpiconnect.cloud.mail.Mailer;
import org.openrpiconnect.cloud.mail.OutboxMailer;
import org.openrpiconnect.cloud.mail.SmtpMailer;
import org.openrpiconnect.cloud.session.IceSettings;
import org.openrpiconnect.cloud.store.OutboxStore;
import org.openrpiconnect.cloud.web.CloudServer;
import org.openrpiconnect.cloud.web.mgmt.ApiAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the cloud: device API, event sockets, dashboard pages and the Management API.",
                "When ready, prints one line on standard output: rpi-connect-cloud listening on http://HOST:PORT"})
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    DatabaseOptions db;

    @Option(names = "--port", required = true, paramLabel = "PORT", description = "TCP port; 0 picks a free one.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The URL users and devices reach this cloud at: the base of verification URLs and links in"
                    + " mails (default: http://ADDRESS:PORT).")
    String publicUrl;

    @Option(names = "--smtp-host", paramLabel = "HOST",
            description = "Send notification mails through this SMTP server (default: keep them in the outbox,"
                    + " shown at /outbox).")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "25", description = "SMTP port (default: 25).")
    int smtpPort;

    @Option(names = "--mail-from", paramLabel = "ADDRESS", defaultValue = "connect@localhost",
            description = "Sender address of notification mails (default: ${DEFAULT-VALUE}).")
    String mailFrom;

    @Option(names = "--api-rate-limit", paramLabel = "N", defaultValue = "" + ApiAccess.DEFAULT_RATE_LIMIT,
            description = "Management API requests allowed per access token per hour (default: ${DEFAULT-VALUE}).")
    int apiRateLimit;

    @Option(names = "--stun-url", paramLabel = "URL",
            description = "STUN server browsers and devices use to find their public address, e.g."
                    + " stun:stun.example.org:3478 (default: none; peers on one network need none).")
    String stunUrl;

    @Option(names = "--turn-url", paramLabel = "URL",
            description = "TURN relay for when no direct connection works, e.g."
                    + " turn:turn.example.org:3478?transport=udp; repeat for several URLs of the one server."
                    + " Needs --turn-secret-file.")
    List<String> turnUrls;

    @Option(names = "--turn-secret-file", paramLabel = "FILE",
            description = "File holding the TURN server's shared secret (coturn: use-auth-secret with"
                    + " static-auth-secret); browsers and devices get time-limited credentials made from it.")
    Path turnSecretFile;

    @Option(names = "--turn-ttl-seconds", paramLabel = "N", defaultValue = "" + IceSettings.DEFAULT_TTL_SECONDS,
            description = "How long a TURN credential stays valid; a relayed session cannot outlive it"
                    + " (default: ${DEFAULT-VALUE}).")
    long turnTtlSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Verbosity.apply(db.verbose, true);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0 to 65535");
        if (publicUrl != null) checkUrl(publicUrl);
        if (apiRateLimit < 1) throw new IllegalArgumentException("--api-rate-limit must be at least 1");
        IceSettings ice = IceSettings.fromOptions(stunUrl, turnUrls, turnSecretFile, turnTtlSeconds);
        DatabaseSettings settings = db.settings();
        Database database = Database.open(settings);
        if (db.dbUrl != null) CloudConf.write(db.dataDir, db.dbUrl, settings.user(), settings.passwordFile());
        PublicUrl url = new PublicUrl(publicUrl);
        Mailer mailer = smtpHost != null ? new SmtpMailer(smtpHost, smtpPort, mailFrom)
                : new OutboxMailer(database, new OutboxStore(), Clock.systemUTC());
        CloudServer server = new CloudServer(new Cloud(database, Clock.systemUTC(), url, mailer), apiRateLimit,
                ice);
        int actualPort;
        try {
            actualPort = server.start(bind, port);
        } catch (RuntimeException e) {
            server.close();
            database.close();
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + " (" + rootMessage(e)
                    + "): choose another --port, or stop what uses it");
        }
        String listening = "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + actualPort;
        if (publicUrl == null) url.set(listening);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            server.close();
            database.close();
            stopped.countDown();
        }, "shutdown"));
        LOG.info("database {}, mail {}, public URL {}", settings.isSqlite() ? "SQLite " + settings.effectiveUrl()
                : "PostgreSQL", smtpHost != null ? "SMTP " + smtpHost + ":" + smtpPort : "outbox", url.get());
        spec.commandLine().getOut().println("rpi-connect-cloud listening on " + listening);
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private static void checkUrl(String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--public-url '" + url + "' is not an http(s) URL: give one like"
                    + " https://connect.example.org");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
