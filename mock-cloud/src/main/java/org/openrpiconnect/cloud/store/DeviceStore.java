package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.DeviceFilters;
import org.openrpiconnect.cloud.model.DeviceSearch;
import org.openrpiconnect.cloud.model.Owner;
import org.openrpiconnect.cloud.model.PageRequest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Devices and their tags. Every write also sets the search columns (name_key, filter_*, tag_list, search_text) from
 * the device, so they always agree with what the device reported.
 */
public final class DeviceStore {
    private static final String COLUMNS = "id, name, serial_number, owner_kind, owner_id, public_key, hostname,"
            + " board_model, board_revision, board_memory, os_name, os_version, kernel_architecture, client_version,"
            + " created_at, last_seen, billable_since";

    public void insert(Connection c, Device d) throws SQLException {
        DeviceFilters f = d.filters();
        Sql.update(c, "INSERT INTO devices (" + COLUMNS + ", name_key, filter_model, filter_memory, filter_os,"
                        + " search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.name(), d.serialNumber(), d.owner().kind().dbValue(), d.owner().id(), d.publicKey(),
                d.hostname(), d.boardModel(), d.boardRevision(), d.boardMemory(), d.osName(), d.osVersion(),
                d.kernelArchitecture(), d.clientVersion(), d.createdAt(), d.lastSeen(), d.billableSince(),
                SortKey.of(d.name()), f.model(), f.memory(), f.os(), SearchColumns.searchText(d.name(),
                        d.serialNumber()));
        replaceTags(c, d.id(), d.tags());
    }

    /** Writes everything but id, owner, serial and created_at (a re-link of the same board). */
    public void update(Connection c, Device d) throws SQLException {
        DeviceFilters f = d.filters();
        Sql.update(c, "UPDATE devices SET name = ?, public_key = ?, hostname = ?, board_model = ?, board_revision = ?,"
                        + " board_memory = ?, os_name = ?, os_version = ?, kernel_architecture = ?, client_version = ?,"
                        + " last_seen = ?, billable_since = ?, name_key = ?, filter_model = ?, filter_memory = ?,"
                        + " filter_os = ?, search_text = ? WHERE id = ?",
                d.name(), d.publicKey(), d.hostname(), d.boardModel(), d.boardRevision(), d.boardMemory(),
                d.osName(), d.osVersion(), d.kernelArchitecture(), d.clientVersion(), d.lastSeen(),
                d.billableSince(), SortKey.of(d.name()), f.model(), f.memory(), f.os(),
                SearchColumns.searchText(d.name(), d.serialNumber()), d.id());
        replaceTags(c, d.id(), d.tags());
    }

    public Optional<Device> findById(Connection c, String id) throws SQLException {
        Optional<Device> d = Sql.one(c, "SELECT " + COLUMNS + " FROM devices WHERE id = ?", rs -> map(rs, List.of()),
                id);
        return d.isPresent() ? Optional.of(withTags(c, d.get())) : d;
    }

    /** The device when it belongs to {@code owner}. */
    public Optional<Device> findOwned(Connection c, Owner owner, String id) throws SQLException {
        return findById(c, id).filter(d -> d.owner().equals(owner));
    }

    public Optional<Device> findBySerial(Connection c, Owner owner, String serialNumber) throws SQLException {
        Optional<Device> d = Sql.one(c, "SELECT " + COLUMNS + " FROM devices"
                        + " WHERE owner_kind = ? AND owner_id = ? AND serial_number = ?", rs -> map(rs, List.of()),
                owner.kind().dbValue(), owner.id(), serialNumber);
        return d.isPresent() ? Optional.of(withTags(c, d.get())) : d;
    }

    public List<Device> listAll(Connection c) throws SQLException {
        return withTags(c, Sql.list(c, "SELECT " + COLUMNS + " FROM devices ORDER BY name, id",
                rs -> map(rs, List.of())));
    }

    public List<Device> listByOwners(Connection c, List<Owner> owners) throws SQLException {
        List<Device> out = new ArrayList<>();
        for (Owner o : owners) {
            out.addAll(Sql.list(c, "SELECT " + COLUMNS + " FROM devices WHERE owner_kind = ? AND owner_id = ?"
                    + " ORDER BY name, id", rs -> map(rs, List.of()), o.kind().dbValue(), o.id()));
        }
        return withTags(c, out);
    }

    /**
     * One page of the owner's devices matching {@code search}, sorted by name. The page's ids are found first (an
     * index-only scan of devices_owner_name when there is no filter, so deep pages stay cheap), then their rows.
     */
    public List<Device> search(Connection c, Owner owner, DeviceSearch search, PageRequest page) throws SQLException {
        DeviceSearchSql where = DeviceSearchSql.of(owner, search);
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.perPage());
        params.add(page.offset());
        List<String> ids = Sql.list(c, "SELECT d.id FROM devices d WHERE " + where.sql()
                + " ORDER BY d.name_key, d.id LIMIT ? OFFSET ?", rs -> rs.getString(1), params.toArray());
        return byIds(c, ids);
    }

    public long count(Connection c, Owner owner, DeviceSearch search) throws SQLException {
        DeviceSearchSql where = DeviceSearchSql.of(owner, search);
        return Sql.count(c, "SELECT COUNT(*) FROM devices d WHERE " + where.sql(), where.params().toArray());
    }

    public boolean rename(Connection c, String id, String name) throws SQLException {
        Optional<String> serial = Sql.one(c, "SELECT serial_number FROM devices WHERE id = ?", rs -> rs.getString(1),
                id);
        if (serial.isEmpty()) return false;
        return Sql.update(c, "UPDATE devices SET name = ?, name_key = ?, search_text = ? WHERE id = ?", name,
                SortKey.of(name), SearchColumns.searchText(name, serial.get()), id) == 1;
    }

    /** Signs the device out in the cloud: its key is forgotten, the record stays. */
    public boolean clearPublicKey(Connection c, String id) throws SQLException {
        return Sql.update(c, "UPDATE devices SET public_key = NULL WHERE id = ?", id) == 1;
    }

    public void touch(Connection c, String id, long now) throws SQLException {
        Sql.update(c, "UPDATE devices SET last_seen = ? WHERE id = ?", now, id);
    }

    /** Deletes the device with its tags and deployments. */
    public boolean delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM device_tags WHERE device_id = ?", id);
        Sql.update(c, "DELETE FROM deployments WHERE device_id = ?", id);
        return Sql.update(c, "DELETE FROM devices WHERE id = ?", id) == 1;
    }

    private void replaceTags(Connection c, String deviceId, List<String> tags) throws SQLException {
        Sql.update(c, "DELETE FROM device_tags WHERE device_id = ?", deviceId);
        for (int i = 0; i < tags.size(); i++) {
            Sql.update(c, "INSERT INTO device_tags (device_id, tag, position) VALUES (?, ?, ?)", deviceId,
                    tags.get(i), i);
        }
        Sql.update(c, "UPDATE devices SET tag_list = ? WHERE id = ?", SearchColumns.tagList(tags), deviceId);
    }

    /** The devices with these ids, in the order of {@code ids}, with their tags (from tag_list): one query. */
    private List<Device> byIds(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) return List.of();
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<String, Device> rows = new HashMap<>();
        for (Device d : Sql.list(c, "SELECT " + COLUMNS + ", tag_list FROM devices WHERE id IN (" + marks + ")",
                rs -> map(rs, SearchColumns.tags(rs.getString("tag_list"))), ids.toArray())) {
            rows.put(d.id(), d);
        }
        List<Device> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Device d = rows.get(id);
            if (d != null) out.add(d);
        }
        return out;
    }

    private List<Device> withTags(Connection c, List<Device> devices) throws SQLException {
        List<Device> out = new ArrayList<>(devices.size());
        for (Device d : devices) out.add(withTags(c, d));
        return out;
    }

    private Device withTags(Connection c, Device d) throws SQLException {
        return d.withTags(Sql.list(c, "SELECT tag FROM device_tags WHERE device_id = ? ORDER BY position",
                rs -> rs.getString("tag"), d.id()));
    }

    private static Device map(ResultSet rs, List<String> tags) throws SQLException {
        return new Device(rs.getString("id"), rs.getString("name"), rs.getString("serial_number"),
                new Owner(Owner.Kind.fromDb(rs.getString("owner_kind")), rs.getString("owner_id")),
                rs.getString("public_key"), rs.getString("hostname"), rs.getString("board_model"),
                rs.getString("board_revision"), rs.getString("board_memory"), rs.getString("os_name"),
                rs.getString("os_version"), rs.getString("kernel_architecture"), rs.getString("client_version"),
                tags, rs.getLong("created_at"), Sql.nullableLong(rs, "last_seen"),
                Sql.nullableLong(rs, "billable_since"));
    }
}
