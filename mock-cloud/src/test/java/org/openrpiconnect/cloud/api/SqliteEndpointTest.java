package org.openrpiconnect.cloud.api;

import org.junit.jupiter.api.BeforeAll;

class SqliteEndpointTest extends EndpointContract {
    @BeforeAll
    static void open() {
        openSqlite();
    }
}
