package org.openrpiconnect.cloud.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code DIR/cloud.conf}: {@code key=value} lines ({@code db_url}, {@code db_user}, {@code db_password_file}) that
 * let the admin commands find the database {@code serve} uses. Never holds a password, only the file it is in.
 */
public final class CloudConf {
    public static final String FILE = "cloud.conf";
    public static final String DB_URL = "db_url";
    public static final String DB_USER = "db_user";
    public static final String DB_PASSWORD_FILE = "db_password_file";
    private static final List<String> KEYS = List.of(DB_URL, DB_USER, DB_PASSWORD_FILE);

    private final Map<String, String> values;

    private CloudConf(Map<String, String> values) {
        this.values = values;
    }

    public static CloudConf read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return new CloudConf(values);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage());
        }
        int n = 0;
        for (String line : lines) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            int eq = s.indexOf('=');
            String key = eq < 0 ? s : s.substring(0, eq).strip();
            if (eq < 0 || !KEYS.contains(key)) {
                throw new IllegalStateException(file + " line " + n + ": expected one of " + String.join("=, ", KEYS)
                        + "= but found '" + s + "': fix or remove that line");
            }
            values.put(key, s.substring(eq + 1).strip());
        }
        return new CloudConf(values);
    }

    public String get(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    /** Records the database settings (atomically: temp file then rename), so admin commands use the same one. */
    public static void write(Path dataDir, String dbUrl, String dbUser, Path passwordFile) throws IOException {
        StringBuilder sb = new StringBuilder("# Written by rpi-connect-cloud serve: the database the admin commands use.\n");
        sb.append(DB_URL).append('=').append(dbUrl).append('\n');
        if (dbUser != null) sb.append(DB_USER).append('=').append(dbUser).append('\n');
        if (passwordFile != null) {
            sb.append(DB_PASSWORD_FILE).append('=').append(passwordFile.toAbsolutePath()).append('\n');
        }
        Files.createDirectories(dataDir);
        Path tmp = Files.createTempFile(dataDir, FILE, ".tmp");
        Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
