package org.openrpiconnect.daemon.config;

import org.openrpiconnect.daemon.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the cloud is: {@code cloud_url=} in /etc/rpi-connect/connect.conf, then in the state directory's
 * connect.conf (later wins), then the environment variable RPI_CONNECT_CLOUD_URL (wins over both).
 */
public final class CloudUrlConfig {
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    public static final Path SYSTEM_CONFIG = Path.of("/etc/rpi-connect/connect.conf");
    public static final String ENV_VAR = "RPI_CONNECT_CLOUD_URL";
    private static final String KEY = "cloud_url";
    private static final Logger log = LoggerFactory.getLogger(CloudUrlConfig.class);

    private CloudUrlConfig() {}

    public static CloudEndpoint resolve(List<Path> configFiles, String envValue) throws StartupException {
        String url = DEFAULT_URL;
        String source = "the default";
        for (Path file : configFiles) {
            String fromFile = readCloudUrl(file);
            if (fromFile != null) {
                url = fromFile;
                source = KEY + " in " + file;
            }
        }
        if (envValue != null && !envValue.isBlank()) {
            url = envValue.trim();
            source = "the environment variable " + ENV_VAR;
        }
        return parse(url, source);
    }

    static CloudEndpoint parse(String url, String source) throws StartupException {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = new URI(trimmed);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (http && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
                return new CloudEndpoint(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new StartupException("The cloud URL '" + url + "' (from " + source + ") is not an http:// or "
                + "https:// URL. Set it like cloud_url=https://connect.example.org");
    }

    private static String readCloudUrl(Path file) throws StartupException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StartupException("Cannot read the configuration file " + file + " (" + e.getMessage()
                    + "). Fix its permissions or remove it.");
        }
        String value = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                log.warn("Ignoring line {} of {}: expected key=value", i + 1, file);
                continue;
            }
            String key = line.substring(0, eq).trim();
            if (KEY.equals(key)) {
                value = line.substring(eq + 1).trim();
            } else {
                log.warn("Ignoring unknown setting '{}' on line {} of {}", key, i + 1, file);
            }
        }
        return value;
    }
}
