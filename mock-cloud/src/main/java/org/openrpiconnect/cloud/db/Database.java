package org.openrpiconnect.cloud.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one place that opens the cloud's database (SQLite file or PostgreSQL), migrates it with Flyway, and runs work
 * in transactions. SQLite runs in WAL mode with a busy timeout and IMMEDIATE transactions, so writers from several
 * processes (the server and admin commands) queue instead of failing.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;
    private static final String POSTGRES_RANDOM_PAGE_COST = "1.1";

    private final HikariDataSource dataSource;
    private final boolean sqlite;

    private Database(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.sqlite = sqlite;
    }

    /** Opens the pool and applies pending migrations. */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.effectiveUrl());
        config.setPoolName("cloud-db");
        boolean sqlite = settings.isSqlite();
        if (sqlite) {
            createDataDir(settings);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("foreign_keys", "true");
            config.setMaximumPoolSize(8);
        } else {
            if (settings.user() != null) config.setUsername(settings.user());
            if (settings.passwordFile() != null) config.setPassword(readPassword(settings));
            config.setMaximumPoolSize(10);
            // The cloud's working set is cached: with the default random_page_cost (4, for spinning disks) the
            // planner counts a device search with a parallel table scan where an index-only scan of
            // devices_search_* is twice as fast (bench/management).
            config.setConnectionInitSql("SET random_page_cost = " + POSTGRES_RANDOM_PAGE_COST);
        }
        config.setConnectionTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot open the database " + redact(settings.effectiveUrl()) + ": "
                    + rootMessage(e) + " (check --db-url, --db-user and --db-password-file)", e);
        }
        Database db = new Database(ds, sqlite);
        db.migrate();
        return db;
    }

    private void migrate() {
        try {
            var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .javaMigrations(new SearchColumnsMigration()).load().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("database schema migrated to version {}", result.targetSchemaVersion);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw new DatabaseException("cannot migrate the database schema: " + rootMessage(e), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isSqlite() {
        return sqlite;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("database error: " + e.getMessage(), e);
        }
    }

    /** Runs read-only or single-statement work without an explicit transaction. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException("database error: " + e.getMessage(), e);
        }
    }

    /**
     * Lets the current transaction commit without waiting for its write-ahead log to reach the disk: for writes a
     * crash may lose harmlessly (a usage counter), so that a read-mostly request does not pay an fsync. PostgreSQL
     * only; SQLite in WAL mode with synchronous=NORMAL never syncs on commit anyway.
     */
    public void commitWithoutWaitingForDisk(Connection c) throws SQLException {
        if (sqlite) return;
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SET LOCAL synchronous_commit TO OFF");
        }
    }

    /**
     * Keeps the query planner's statistics fresh. SQLite gathers none by itself: PRAGMA optimize runs ANALYZE where
     * it is worth it (0x10000: on every table, not only those this connection used), cheaply when nothing changed.
     * PostgreSQL's autovacuum does it there.
     */
    public void refreshStatistics() {
        if (!sqlite) return;
        read(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("PRAGMA optimize=0x10002");
            }
            return null;
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    /** A new data directory is private to its owner (0700): the database holds account data. */
    private static void createDataDir(DatabaseSettings settings) {
        try {
            if (!Files.isDirectory(settings.dataDir())) {
                Files.createDirectories(settings.dataDir(), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new DatabaseException("cannot create the data directory " + settings.dataDir() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String readPassword(DatabaseSettings settings) {
        try {
            return Files.readString(settings.passwordFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database password file " + settings.passwordFile()
                    + ": " + e.getMessage(), e);
        }
    }

    /** JDBC URLs may carry a password parameter: never show it. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
