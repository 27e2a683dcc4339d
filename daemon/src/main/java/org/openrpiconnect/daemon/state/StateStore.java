package org.openrpiconnect.daemon.state;

import org.openrpiconnect.daemon.CalendarText;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.json.JsonBoolean;
import org.openrpiconnect.protocol.json.JsonValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's files in {@code ~/.config/com.raspberrypi.connect/}: {@code state.json} (the link),
 * {@code device-key.pem} (the device's private key, PKCS#8), {@code settings.json}. Unreadable files are reported,
 * never deleted: they are moved aside ({@code NAME.garbled-<time>}) before anything is written over them.
 */
public final class StateStore {
    public static final String STATE_FILE = "state.json";
    public static final String KEY_FILE = "device-key.pem";
    public static final String SETTINGS_FILE = "settings.json";
    public static final String AUTH_KEY_FILE = "auth.key";
    public static final String CONFIG_FILE = "connect.conf";
    public static final String IDENTITY_PAUSE_FILE = "identity-signin-paused.json";

    private final Path dir;
    private final AtomicFileWriter writer;
    private final Clock clock;

    public StateStore(Path dir, AtomicFileWriter writer, Clock clock) {
        this.dir = dir;
        this.writer = writer;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    public Path stateFile() {
        return dir.resolve(STATE_FILE);
    }

    public Path keyFile() {
        return dir.resolve(KEY_FILE);
    }

    public Path settingsFile() {
        return dir.resolve(SETTINGS_FILE);
    }

    public Path authKeyFile() {
        return dir.resolve(AUTH_KEY_FILE);
    }

    /** Creates the directory if needed and makes sure it is private (0700). */
    public void prepare() throws IOException {
        writer.ensurePrivateDirectory(dir);
    }

    public LinkLoad loadLink() {
        Path stateFile = stateFile();
        Path keyFile = keyFile();
        DeviceState state;
        try {
            state = Json.read(Files.readAllBytes(stateFile), DeviceState.class);
        } catch (NoSuchFileException e) {
            return new LinkLoad.Absent();
        } catch (IOException | RuntimeException e) {
            return unreadableState(stateFile, UnreadableFileReason.of(e));
        }
        if (state == null || blank(state.deviceId())) {
            return unreadableState(stateFile, "it names no device_id");
        }
        try {
            PrivateKey key = DeviceKeys.parsePrivateKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
            return new LinkLoad.Linked(state, key);
        } catch (NoSuchFileException e) {
            return unreadableKey(stateFile, keyFile, "is missing", List.of(stateFile));
        } catch (IOException | DeviceKeys.InvalidKeyException | RuntimeException e) {
            return unreadableKey(stateFile, keyFile, "is unreadable (" + UnreadableFileReason.of(e) + ")",
                    List.of(stateFile, keyFile));
        }
    }

    /** Writes the key first, then the state that refers to it, so a crash in between never leaves a keyless link. */
    public void saveLink(DeviceState state, PrivateKey key) throws IOException {
        writer.write(keyFile(), DeviceKeys.privateKeyPem(key).getBytes(StandardCharsets.US_ASCII));
        saveState(state);
    }

    public void saveState(DeviceState state) throws IOException {
        writer.write(stateFile(), Json.writeBytes(state));
    }

    /** Forgets the link: the credential and the private key (a new link gets fresh keys). */
    public void deleteLink() throws IOException {
        Files.deleteIfExists(stateFile());
        Files.deleteIfExists(keyFile());
    }

    public Path identityPauseFile() {
        return dir.resolve(IDENTITY_PAUSE_FILE);
    }

    /** The pause of the device identity's automatic sign-in; an unreadable file still pauses (reason unknown). */
    public Optional<IdentityPause> loadIdentityPause() {
        try {
            IdentityPause pause = Json.read(Files.readAllBytes(identityPauseFile()), IdentityPause.class);
            return Optional.of(pause == null ? new IdentityPause(null, null) : pause);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(new IdentityPause(null, null));
        }
    }

    public void saveIdentityPause(IdentityPause pause) throws IOException {
        writer.write(identityPauseFile(), Json.writeBytes(pause));
    }

    public void clearIdentityPause() throws IOException {
        Files.deleteIfExists(identityPauseFile());
    }

    public SettingsLoad loadSettings() {
        Path file = settingsFile();
        JsonValue node;
        try {
            node = Json.read(Files.readAllBytes(file), JsonValue.class);
        } catch (NoSuchFileException e) {
            return SettingsLoad.ok(Settings.DEFAULT);
        } catch (IOException | RuntimeException e) {
            return garbledSettings(file, UnreadableFileReason.of(e));
        }
        if (!node.isObject()) return garbledSettings(file, "it is not a JSON object");
        JsonValue vnc = node.get("vnc_allowed");
        JsonValue shell = node.get("shell_allowed");
        if ((vnc != null && !(vnc instanceof JsonBoolean)) || (shell != null && !(shell instanceof JsonBoolean))) {
            return garbledSettings(file, "vnc_allowed and shell_allowed must be true or false");
        }
        return SettingsLoad.ok(new Settings(vnc == null || ((JsonBoolean) vnc).value(),
                shell == null || ((JsonBoolean) shell).value()));
    }

    public void saveSettings(Settings settings) throws IOException {
        writer.write(settingsFile(), Json.writeBytes(settings));
    }

    /**
     * Renames {@code file} to {@code file.<label>-<UTC time>} (adding a counter if that name is taken) and returns
     * the new path; returns null when the file does not exist (any more).
     */
    public Path moveAside(Path file, String label) throws IOException {
        if (!Files.exists(file)) return null;
        String base = file.getFileName() + "." + label + "-" + CalendarText.utcBasic(clock.instant().getEpochSecond());
        Path target = file.resolveSibling(base);
        for (int n = 1; Files.exists(target); n++) {
            target = file.resolveSibling(base + "-" + n);
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static LinkLoad unreadableState(Path stateFile, String reason) {
        String problem = "The state file " + stateFile + " is unreadable (" + reason + "). Nothing was deleted. "
                + "Move it aside and sign in again: mv " + stateFile + " " + stateFile + ".bad; rpi-connect signin";
        return new LinkLoad.Unreadable(problem, List.of(stateFile));
    }

    private static LinkLoad unreadableKey(Path stateFile, Path keyFile, String what, List<Path> files) {
        String problem = "The device key " + keyFile + " " + what + ", so this device cannot prove who it is to "
                + "Raspberry Pi Connect. Nothing was deleted. Sign in again to link this device: rpi-connect signin";
        return new LinkLoad.Unreadable(problem, new ArrayList<>(files));
    }

    private static SettingsLoad garbledSettings(Path file, String reason) {
        String problem = "The settings file " + file + " is unreadable (" + reason + "); using the defaults "
                + "(screen sharing and remote shell allowed). Nothing was deleted. Fix it, or set both again with "
                + "rpi-connect vnc on|off and rpi-connect shell on|off (the old file is then moved aside).";
        return new SettingsLoad(Settings.DEFAULT, problem, file);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
