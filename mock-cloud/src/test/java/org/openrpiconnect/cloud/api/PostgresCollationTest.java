package org.openrpiconnect.cloud.api;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.TestCloud;
import org.openrpiconnect.cloud.store.PostgresCluster;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lists come out in the same order on PostgreSQL as on SQLite (bytewise on the lower-cased name) even in a database
 * whose locale sorts differently: an ICU en-US database would put "éclair" before "egg".
 */
class PostgresCollationTest extends ApiTestBase {
    @BeforeAll
    static void open() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        try {
            jdbcUrl = cluster.createDatabase("icu", "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
                    + " LOCALE 'C.UTF-8'");
        } catch (SQLException e) {
            Assumptions.abort("this PostgreSQL cannot make an ICU database: " + e.getMessage());
        }
        dbUser = cluster.user();
        cloud = TestCloud.start(jdbcUrl, dbUser);
    }

    @Test
    void names_sort_bytewise_on_the_lower_cased_name_whatever_the_database_locale() {
        Org org = org("collation");
        link(org, "co-1", "éclair");
        link(org, "co-2", "Fig");
        link(org, "co-3", "egg");
        List<String> names = new ArrayList<>();
        json(org.api().get("/organisation/devices")).get("devices").forEach(d -> names.add(d.get("name").asText()));
        assertEquals(List.of("egg", "Fig", "éclair"), names);
        for (String n : List.of("éclair", "Fig", "egg")) {
            org.api().postJson("/organisation/artefacts", artefactJson(n));
        }
        List<String> artefacts = new ArrayList<>();
        json(org.api().get("/organisation/artefacts")).get("artefacts").forEach(a -> artefacts.add(a.get("name")
                .asText()));
        assertEquals(List.of("egg", "Fig", "éclair"), artefacts);
    }
}
