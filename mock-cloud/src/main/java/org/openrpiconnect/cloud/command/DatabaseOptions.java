package org.openrpiconnect.cloud.command;

import org.openrpiconnect.cloud.db.DatabaseSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --data DIR} and the database options, shared by {@code serve} and every admin command. */
public final class DatabaseOptions {
    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "The cloud's data directory (holds cloud.db, the SQLite database, and cloud.conf).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC",
            description = "Use this database instead of DIR/cloud.db, e.g. jdbc:postgresql://127.0.0.1:5432/connect."
                    + " Default: db_url in DIR/cloud.conf, else the SQLite file.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: db_user in DIR/cloud.conf).")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File holding the database password (default: db_password_file in DIR/cloud.conf).")
    Path dbPasswordFile;

    @Option(names = {"-v", "--verbose"}, description = "Log debug detail to stderr.")
    boolean verbose;

    /** The command line wins over DIR/cloud.conf. */
    DatabaseSettings settings() {
        CloudConf conf = CloudConf.read(dataDir);
        String url = dbUrl != null ? dbUrl : conf.get(CloudConf.DB_URL);
        String user = dbUser != null ? dbUser : conf.get(CloudConf.DB_USER);
        Path password = dbPasswordFile != null ? dbPasswordFile
                : conf.get(CloudConf.DB_PASSWORD_FILE) == null ? null : Path.of(conf.get(CloudConf.DB_PASSWORD_FILE));
        return new DatabaseSettings(dataDir, url, user, password);
    }
}
