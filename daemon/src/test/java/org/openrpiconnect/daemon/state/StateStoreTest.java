package org.openrpiconnect.daemon.state;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.protocol.device.DeviceKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateStoreTest {
    @TempDir
    Path home;

    private Path dir;
    private StateStore store;
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws IOException {
        dir = home.resolve("com.raspberrypi.connect");
        store = new StateStore(dir, new AtomicFileWriter(), clock);
        store.prepare();
    }

    @Test
    void nothing_on_disk_means_signed_out() {
        assertInstanceOf(LinkLoad.Absent.class, store.loadLink());
    }

    @Test
    void saved_link_loads_back_with_the_same_key_and_private_files() throws IOException {
        KeyPair keys = DeviceKeys.generate();
        DeviceState state = new DeviceState("dev-1", "kitchen", "10000000abcdef01", "http://cloud", "2025-01-01T00:00:00Z");
        store.saveLink(state, keys.getPrivate());

        LinkLoad.Linked linked = assertInstanceOf(LinkLoad.Linked.class, store.loadLink());
        assertEquals(state, linked.state());
        assertArrayEquals(keys.getPrivate().getEncoded(), linked.key().getEncoded());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.stateFile())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.keyFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertTrue(Files.readString(store.keyFile()).startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void state_file_with_a_repeated_member_names_the_place_and_the_fault() throws IOException {
        Files.writeString(store.stateFile(), "{\"device_id\": \"dev-1\",\n \"device_id\": \"dev-2\"}");

        LinkLoad.Unreadable unreadable = assertInstanceOf(LinkLoad.Unreadable.class, store.loadLink());

        assertTrue(unreadable.problem().contains(" is unreadable (malformed JSON at line 2, column ")
                && unreadable.problem().contains(": duplicate member name"), unreadable.problem());
        assertTrue(Files.exists(store.stateFile()), "kept as it was");
    }

    @Test
    void garbled_state_file_is_reported_with_where_and_how_to_recover_and_kept() throws IOException {
        Files.writeString(store.stateFile(), "{\"device_id\": \"dev-1\", oops");

        LinkLoad.Unreadable unreadable = assertInstanceOf(LinkLoad.Unreadable.class, store.loadLink());

        assertTrue(unreadable.problem().startsWith("The state file " + store.stateFile()
                + " is unreadable (malformed JSON at line 1"), unreadable.problem());
        assertTrue(unreadable.problem().contains("Nothing was deleted."));
        assertTrue(unreadable.problem().contains("mv " + store.stateFile()));
        assertTrue(unreadable.problem().endsWith("rpi-connect signin"));
        assertEquals(java.util.List.of(store.stateFile()), unreadable.files());
        assertTrue(Files.exists(store.stateFile()), "never deleted");
    }

    @Test
    void state_file_without_a_device_id_is_unreadable() throws IOException {
        Files.writeString(store.stateFile(), "{\"device_name\":\"x\"}");
        LinkLoad.Unreadable unreadable = assertInstanceOf(LinkLoad.Unreadable.class, store.loadLink());
        assertTrue(unreadable.problem().contains("names no device_id"));
    }

    @Test
    void state_without_its_key_is_unreadable_and_says_to_sign_in_again() throws IOException {
        store.saveState(new DeviceState("dev-1", "kitchen", "s", "http://cloud", "t"));
        LinkLoad.Unreadable unreadable = assertInstanceOf(LinkLoad.Unreadable.class, store.loadLink());
        assertTrue(unreadable.problem().contains(store.keyFile() + " is missing"));
        assertTrue(unreadable.problem().endsWith("rpi-connect signin"));
    }

    @Test
    void garbled_key_is_unreadable_and_both_files_are_to_be_moved_aside() throws IOException {
        store.saveState(new DeviceState("dev-1", "kitchen", "s", "http://cloud", "t"));
        Files.writeString(store.keyFile(), "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n");
        LinkLoad.Unreadable unreadable = assertInstanceOf(LinkLoad.Unreadable.class, store.loadLink());
        assertEquals(java.util.List.of(store.stateFile(), store.keyFile()), unreadable.files());
    }

    @Test
    void delete_link_removes_credential_and_key() throws IOException {
        store.saveLink(new DeviceState("dev-1", "n", "s", "c", "t"), DeviceKeys.generate().getPrivate());
        store.deleteLink();
        assertFalse(Files.exists(store.stateFile()));
        assertFalse(Files.exists(store.keyFile()));
        assertInstanceOf(LinkLoad.Absent.class, store.loadLink());
    }

    @Test
    void settings_default_to_both_services_allowed() {
        SettingsLoad load = store.loadSettings();
        assertEquals(Settings.DEFAULT, load.settings());
        assertNull(load.problem());
    }

    @Test
    void saved_settings_load_back() throws IOException {
        store.saveSettings(new Settings(false, true));
        assertEquals(new Settings(false, true), store.loadSettings().settings());
    }

    @Test
    void garbled_settings_give_defaults_a_problem_and_the_file_to_move_aside() throws IOException {
        Files.writeString(store.settingsFile(), "vnc=off");
        SettingsLoad load = store.loadSettings();
        assertEquals(Settings.DEFAULT, load.settings());
        assertTrue(load.problem().contains(store.settingsFile() + " is unreadable (malformed JSON"), load.problem());
        assertTrue(load.problem().contains("Nothing was deleted."));
        assertEquals(store.settingsFile(), load.garbledFile());
    }

    @Test
    void settings_with_a_non_boolean_value_are_garbled() throws IOException {
        Files.writeString(store.settingsFile(), "{\"vnc_allowed\":\"no\"}");
        assertTrue(store.loadSettings().problem().contains("must be true or false"));
    }

    @Test
    void move_aside_adds_label_and_utc_time_and_never_overwrites() throws IOException {
        Files.writeString(store.stateFile(), "first");
        Path first = store.moveAside(store.stateFile(), "garbled");
        Files.writeString(store.stateFile(), "second");
        Path second = store.moveAside(store.stateFile(), "garbled");

        assertEquals(dir.resolve("state.json.garbled-20250304T050607Z"), first);
        assertEquals(dir.resolve("state.json.garbled-20250304T050607Z-1"), second);
        assertEquals("first", Files.readString(first));
        assertEquals("second", Files.readString(second));
        assertNull(store.moveAside(store.stateFile(), "garbled"), "nothing left to move");
    }

    @Test
    void identity_pause_is_saved_privately_read_back_and_cleared() throws IOException {
        assertTrue(store.loadIdentityPause().isEmpty());

        store.saveIdentityPause(new IdentityPause("REMOVED", "2025-03-04T05:06:07Z"));

        assertEquals(new IdentityPause("REMOVED", "2025-03-04T05:06:07Z"), store.loadIdentityPause().orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(store.identityPauseFile())));
        store.clearIdentityPause();
        assertTrue(store.loadIdentityPause().isEmpty());
    }

    @Test
    void unreadable_identity_pause_still_pauses() throws IOException {
        Files.writeString(store.identityPauseFile(), "{garbled");

        assertEquals(new IdentityPause(null, null), store.loadIdentityPause().orElseThrow());
    }
}
