package org.openrpiconnect.cloud.api;

import org.junit.jupiter.api.BeforeAll;

class PostgresEndpointTest extends EndpointContract {
    @BeforeAll
    static void open() throws Exception {
        openPostgres("endpoints");
    }
}
