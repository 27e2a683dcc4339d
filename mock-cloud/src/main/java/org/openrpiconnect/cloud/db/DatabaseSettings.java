package org.openrpiconnect.cloud.db;

import java.nio.file.Path;

/**
 * Where the cloud's state lives: the SQLite file {@code DIR/cloud.db} unless a JDBC URL (PostgreSQL) is given.
 *
 * @param dataDir          the cloud's data directory
 * @param jdbcUrl          null for the embedded SQLite file
 * @param user             database user (PostgreSQL), may be null
 * @param passwordFile     file holding the database password (never the password itself on a command line)
 */
public record DatabaseSettings(Path dataDir, String jdbcUrl, String user, Path passwordFile) {

    public boolean isSqlite() {
        return effectiveUrl().startsWith("jdbc:sqlite:");
    }

    public String effectiveUrl() {
        return jdbcUrl != null ? jdbcUrl : "jdbc:sqlite:" + dataDir.resolve("cloud.db").toAbsolutePath();
    }
}
