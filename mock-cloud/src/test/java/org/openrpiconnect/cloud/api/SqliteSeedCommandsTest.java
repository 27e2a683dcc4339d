package org.openrpiconnect.cloud.api;

import org.junit.jupiter.api.BeforeAll;

class SqliteSeedCommandsTest extends SeedCommandsContract {
    @BeforeAll
    static void open() {
        openSqlite();
    }
}
