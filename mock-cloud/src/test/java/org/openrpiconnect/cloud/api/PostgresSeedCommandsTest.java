package org.openrpiconnect.cloud.api;

import org.junit.jupiter.api.BeforeAll;

class PostgresSeedCommandsTest extends SeedCommandsContract {
    @BeforeAll
    static void open() throws Exception {
        openPostgres("seed");
    }
}
