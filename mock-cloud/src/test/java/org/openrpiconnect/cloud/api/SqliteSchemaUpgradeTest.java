package org.openrpiconnect.cloud.api;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteSchemaUpgradeTest extends SchemaUpgradeContract {
    @TempDir
    Path dir;

    @Override
    String[] freshDatabase() {
        return new String[] {"jdbc:sqlite:" + dir.resolve("v1.db"), null};
    }
}
