package org.openrpiconnect.cloud.db;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.openrpiconnect.cloud.model.DeviceFilters;
import org.openrpiconnect.cloud.store.SearchColumns;
import org.openrpiconnect.cloud.store.SortKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Schema version 2.1, after V2__management_api.sql: what plain portable SQL cannot do.
 * <ul>
 *   <li>On PostgreSQL, the sort-key columns compare bytewise (COLLATE "C"), as SQLite's do, so lists come out in the
 *   same order on both whatever the database's locale.</li>
 *   <li>Devices linked before V2 get their sort key and search columns from the rules that derive them
 *   ({@link DeviceFilters}, {@link SortKey}, {@link SearchColumns}); organisation devices are billable from when
 *   they were linked.</li>
 * </ul>
 */
public final class SearchColumnsMigration implements JavaMigration {
    private static final String[][] SORT_KEY_COLUMNS = {
            {"devices", "name_key"}, {"device_identities", "description_key"}, {"artefacts", "name_key"}};

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.1");
    }

    @Override
    public String getDescription() {
        return "search columns";
    }

    @Override
    public Integer getChecksum() {
        return 21;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            try (Statement s = c.createStatement()) {
                for (String[] column : SORT_KEY_COLUMNS) {
                    s.execute("ALTER TABLE " + column[0] + " ALTER COLUMN " + column[1] + " TYPE TEXT COLLATE \"C\"");
                }
            }
        }
        backfillDevices(c);
    }

    private record Row(String id, String nameKey, DeviceFilters filters, String tagList, String searchText,
                       Long billableSince) {}

    /** Reads every row first, then updates in batches: no update runs under an open cursor on the same table. */
    private static void backfillDevices(Connection c) throws SQLException {
        Map<String, List<String>> tags = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT device_id, tag FROM device_tags"
                + " ORDER BY device_id, position");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, name, serial_number, owner_kind, created_at,"
                + " board_model, board_memory, os_name, os_version FROM devices WHERE name_key IS NULL");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                DeviceFilters f = DeviceFilters.of(rs.getString("board_model"), rs.getString("board_memory"),
                        rs.getString("os_name"), rs.getString("os_version"));
                Long billable = "organisation".equals(rs.getString("owner_kind")) ? rs.getLong("created_at") : null;
                String id = rs.getString("id");
                rows.add(new Row(id, SortKey.of(rs.getString("name")), f,
                        SearchColumns.tagList(tags.getOrDefault(id, List.of())),
                        SearchColumns.searchText(rs.getString("name"), rs.getString("serial_number")), billable));
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE devices SET name_key = ?, filter_model = ?,"
                + " filter_memory = ?, filter_os = ?, tag_list = ?, search_text = ?, billable_since = ?"
                + " WHERE id = ?")) {
            int pending = 0;
            for (Row r : rows) {
                update.setString(1, r.nameKey());
                update.setString(2, r.filters().model());
                update.setString(3, r.filters().memory());
                update.setString(4, r.filters().os());
                update.setString(5, r.tagList());
                update.setString(6, r.searchText());
                if (r.billableSince() == null) update.setNull(7, Types.BIGINT);
                else update.setLong(7, r.billableSince());
                update.setString(8, r.id());
                update.addBatch();
                if (++pending == 500) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) update.executeBatch();
        }
    }
}
