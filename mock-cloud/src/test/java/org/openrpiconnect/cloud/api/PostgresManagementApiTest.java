package org.openrpiconnect.cloud.api;

import org.junit.jupiter.api.BeforeAll;

/** The same suite on a database of the shared throwaway PostgreSQL cluster (skipped without PostgreSQL). */
class PostgresManagementApiTest extends ManagementApiContract {
    @BeforeAll
    static void open() throws Exception {
        openPostgres("api");
    }
}
