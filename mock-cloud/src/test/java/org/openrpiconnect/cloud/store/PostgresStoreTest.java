package org.openrpiconnect.cloud.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.db.DatabaseSettings;

import java.nio.file.Path;

/** The same contract on a throwaway PostgreSQL 15 cluster (skipped when PostgreSQL is not installed). */
class PostgresStoreTest extends StoreContract {
    @TempDir
    static Path dir;
    static PostgresCluster cluster;

    @BeforeAll
    static void openPostgres() throws Exception {
        cluster = PostgresCluster.start();
        open(Database.open(new DatabaseSettings(dir, cluster.jdbcUrl(), cluster.user(), null)));
    }

    @AfterAll
    static void stopPostgres() {
        closeDatabase();
        if (cluster != null) cluster.close();
    }
}
