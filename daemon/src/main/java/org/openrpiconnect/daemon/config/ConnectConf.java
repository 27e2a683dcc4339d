package org.openrpiconnect.daemon.config;

import org.openrpiconnect.daemon.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code connect.conf} files: {@code key=value} lines, {@code #} comments; /etc/rpi-connect/connect.conf first,
 * then the one in the state directory (a later file wins per key). Unknown keys and junk lines are logged and
 * ignored; an unreadable file stops the start with a message.
 */
public final class ConnectConf {
    public static final Path SYSTEM_FILE = Path.of("/etc/rpi-connect/connect.conf");
    public static final String CLOUD_URL = "cloud_url";
    public static final String MAX_SHELL_SESSIONS = "max_shell_sessions";
    /** The device identity's private key (PEM, mode 0600), for machines without the Raspberry Pi OTP key. */
    public static final String IDENTITY_KEY_FILE = "identity_key_file";
    private static final Set<String> KEYS = Set.of(CLOUD_URL, MAX_SHELL_SESSIONS, IDENTITY_KEY_FILE);
    private static final Logger log = LoggerFactory.getLogger(ConnectConf.class);

    /** A value and where it came from ("max_shell_sessions in /etc/rpi-connect/connect.conf"), for messages. */
    public record Setting(String value, String source) {}

    private final Map<String, Setting> settings;

    private ConnectConf(Map<String, Setting> settings) {
        this.settings = settings;
    }

    public static ConnectConf empty() {
        return new ConnectConf(Map.of());
    }

    public static ConnectConf load(List<Path> files) throws StartupException {
        Map<String, Setting> settings = new HashMap<>();
        for (Path file : files) read(file, settings);
        return new ConnectConf(Map.copyOf(settings));
    }

    public Optional<Setting> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    private static void read(Path file, Map<String, Setting> into) throws StartupException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new StartupException("Cannot read the configuration file " + file + " (" + e.getMessage()
                    + "). Fix its permissions or remove it.");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                log.warn("Ignoring line {} of {}: expected key=value", i + 1, file);
                continue;
            }
            String key = line.substring(0, eq).trim();
            if (KEYS.contains(key)) {
                into.put(key, new Setting(line.substring(eq + 1).trim(), key + " in " + file));
            } else {
                log.warn("Ignoring unknown setting '{}' on line {} of {}", key, i + 1, file);
            }
        }
    }
}
