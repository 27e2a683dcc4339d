package org.openrpiconnect.cloud.api;

import org.junit.jupiter.api.BeforeAll;

class SqliteManagementApiTest extends ManagementApiContract {
    @BeforeAll
    static void open() {
        openSqlite();
    }
}
