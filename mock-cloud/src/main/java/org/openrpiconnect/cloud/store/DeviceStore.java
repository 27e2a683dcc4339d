package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.Owner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Devices and their tags. */
public final class DeviceStore {
    private static final String COLUMNS = "id, name, serial_number, owner_kind, owner_id, public_key, hostname,"
            + " board_model, board_revision, board_memory, os_name, os_version, kernel_architecture, client_version,"
            + " created_at, last_seen";

    public void insert(Connection c, Device d) throws SQLException {
        Sql.update(c, "INSERT INTO devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.name(), d.serialNumber(), d.owner().kind().dbValue(), d.owner().id(), d.publicKey(),
                d.hostname(), d.boardModel(), d.boardRevision(), d.boardMemory(), d.osName(), d.osVersion(),
                d.kernelArchitecture(), d.clientVersion(), d.createdAt(), d.lastSeen());
        replaceTags(c, d.id(), d.tags());
    }

    /** Writes everything but id, owner, serial and created_at (a re-link of the same board). */
    public void update(Connection c, Device d) throws SQLException {
        Sql.update(c, "UPDATE devices SET name = ?, public_key = ?, hostname = ?, board_model = ?, board_revision = ?,"
                        + " board_memory = ?, os_name = ?, os_version = ?, kernel_architecture = ?, client_version = ?,"
                        + " last_seen = ? WHERE id = ?",
                d.name(), d.publicKey(), d.hostname(), d.boardModel(), d.boardRevision(), d.boardMemory(),
                d.osName(), d.osVersion(), d.kernelArchitecture(), d.clientVersion(), d.lastSeen(), d.id());
        replaceTags(c, d.id(), d.tags());
    }

    public Optional<Device> findById(Connection c, String id) throws SQLException {
        Optional<Device> d = Sql.one(c, "SELECT " + COLUMNS + " FROM devices WHERE id = ?", rs -> map(rs, List.of()),
                id);
        return d.isPresent() ? Optional.of(withTags(c, d.get())) : d;
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

    public boolean rename(Connection c, String id, String name) throws SQLException {
        return Sql.update(c, "UPDATE devices SET name = ? WHERE id = ?", name, id) == 1;
    }

    /** Signs the device out in the cloud: its key is forgotten, the record stays. */
    public boolean clearPublicKey(Connection c, String id) throws SQLException {
        return Sql.update(c, "UPDATE devices SET public_key = NULL WHERE id = ?", id) == 1;
    }

    public void touch(Connection c, String id, long now) throws SQLException {
        Sql.update(c, "UPDATE devices SET last_seen = ? WHERE id = ?", now, id);
    }

    public boolean delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM device_tags WHERE device_id = ?", id);
        return Sql.update(c, "DELETE FROM devices WHERE id = ?", id) == 1;
    }

    private void replaceTags(Connection c, String deviceId, List<String> tags) throws SQLException {
        Sql.update(c, "DELETE FROM device_tags WHERE device_id = ?", deviceId);
        for (int i = 0; i < tags.size(); i++) {
            Sql.update(c, "INSERT INTO device_tags (device_id, tag, position) VALUES (?, ?, ?)", deviceId,
                    tags.get(i), i);
        }
    }

    private List<Device> withTags(Connection c, List<Device> devices) throws SQLException {
        List<Device> out = new ArrayList<>(devices.size());
        for (Device d : devices) out.add(withTags(c, d));
        return out;
    }

    private Device withTags(Connection c, Device d) throws SQLException {
        List<String> tags = Sql.list(c, "SELECT tag FROM device_tags WHERE device_id = ? ORDER BY position",
                rs -> rs.getString("tag"), d.id());
        return new Device(d.id(), d.name(), d.serialNumber(), d.owner(), d.publicKey(), d.hostname(), d.boardModel(),
                d.boardRevision(), d.boardMemory(), d.osName(), d.osVersion(), d.kernelArchitecture(),
                d.clientVersion(), List.copyOf(tags), d.createdAt(), d.lastSeen());
    }

    private static Device map(ResultSet rs, List<String> tags) throws SQLException {
        return new Device(rs.getString("id"), rs.getString("name"), rs.getString("serial_number"),
                new Owner(Owner.Kind.fromDb(rs.getString("owner_kind")), rs.getString("owner_id")),
                rs.getString("public_key"), rs.getString("hostname"), rs.getString("board_model"),
                rs.getString("board_revision"), rs.getString("board_memory"), rs.getString("os_name"),
                rs.getString("os_version"), rs.getString("kernel_architecture"), rs.getString("client_version"),
                tags, rs.getLong("created_at"), Sql.nullableLong(rs, "last_seen"));
    }
}
