package org.openrpiconnect.cloud.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.db.DatabaseSettings;

import java.nio.file.Path;

class SqliteStoreTest extends StoreContract {
    @TempDir
    static Path dir;

    @BeforeAll
    static void openSqlite() {
        open(Database.open(new DatabaseSettings(dir, null, null, null)));
    }
}
