package org.openrpiconnect.cloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.TestCloud;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.security.Secrets;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database made by schema version 1 (the "Link a device" cloud), with data in it, is upgraded by the current cloud
 * on start: its organisations get a trial end, its devices their search columns, its tokens keep working.
 */
abstract class SchemaUpgradeContract {
    private static final long DAY = 24L * 3600 * 1000;

    /** A new empty database: {url, user}. */
    abstract String[] freshDatabase() throws Exception;

    @Test
    void a_version_1_database_with_data_is_upgraded_to_the_latest_schema() throws Exception {
        String[] db = freshDatabase();
        Flyway.configure().dataSource(db[0], db[1], "").locations("classpath:db/migration").target("1").load()
                .migrate();
        long created = System.currentTimeMillis() - 3 * DAY;
        String token = Secrets.newSecret(Secrets.API_TOKEN_PREFIX);
        try (Connection c = DriverManager.getConnection(db[0], db[1], "")) {
            insert(c, "INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)",
                    "u1", "old@example.org", "x", created);
            insert(c, "INSERT INTO organisations (id, name, trial_started_at, created_at) VALUES (?, ?, ?, ?)",
                    "o1", "Oldco", created, created);
            insert(c, "INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
                    "o1", "u1", "administrator", created);
            insert(c, "INSERT INTO devices (id, name, serial_number, owner_kind, owner_id, public_key, board_model,"
                            + " board_revision, board_memory, os_name, os_version, kernel_architecture, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "d1", "Kiosk-Old", "aa11", "organisation", "o1", null, "Raspberry Pi 5", "1.0", "8 GB",
                    "Raspberry Pi OS", "13 (Trixie)", "aarch64", created);
            insert(c, "INSERT INTO devices (id, name, serial_number, owner_kind, owner_id, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", "d2", "personal", "bb22", "user", "u1", created);
            insert(c, "INSERT INTO device_tags (device_id, tag, position) VALUES (?, ?, ?)", "d1", "production", 0);
            insert(c, "INSERT INTO api_tokens (id, organisation_id, token_hash, description, created_at, revoked)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", "t1", "o1", Secrets.sha256Hex(token), "old token", created, 0);
        }

        try (TestCloud upgraded = TestCloud.start(db[0], db[1])) {
            MigrationVersion current = Flyway.configure().dataSource(db[0], db[1], "")
                    .javaMigrations(new org.openrpiconnect.cloud.db.SearchColumnsMigration()).load().info().current()
                    .getVersion();
            assertTrue(current.isAtLeast("2.1"), "schema version " + current);

            Organisation org = upgraded.cloud.organisations.requireByName("Oldco");
            assertEquals(created + 28 * DAY, org.trialEndsAt());
            assertFalse(org.billingEnabled());
            Device orgDevice = upgraded.cloud.devices.require("d1");
            assertEquals(created, orgDevice.billableSince(), "organisation devices are billable since linked");
            assertNull(upgraded.cloud.devices.require("d2").billableSince(), "personal devices are free");

            ApiClient api = new ApiClient(upgraded.url, token);
            JsonNode found = ApiClient.json(api.get(
                    "/organisation/devices?query=model%3A5%20tag%3Aproduction%20kiosk"));
            assertEquals(1, found.get("meta").get("total_count").asInt(), found.toString());
            JsonNode d = found.get("devices").get(0);
            assertEquals("Kiosk-Old", d.get("name").asText());
            assertEquals("{\"model\":\"5\",\"memory\":\"8gb\",\"os\":\"raspios-13\"}", d.get("filters").toString());
            assertEquals(201, api.postJson("/organisation/artefacts", ApiTestBase.artefactJson("after-upgrade"))
                    .statusCode(), "the new tables are there");
        }
    }

    private static void insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        }
    }
}
