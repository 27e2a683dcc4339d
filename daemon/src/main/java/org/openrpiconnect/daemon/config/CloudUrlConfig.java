package org.openrpiconnect.daemon.config;

import org.openrpiconnect.daemon.StartupException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the cloud is: {@code cloud_url=} in the {@link ConnectConf} files, then the environment variable
 * RPI_CONNECT_CLOUD_URL (wins over both).
 */
public final class CloudUrlConfig {
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    public static final String ENV_VAR = "RPI_CONNECT_CLOUD_URL";

    private CloudUrlConfig() {}

    public static CloudEndpoint resolve(List<Path> configFiles, String envValue) throws StartupException {
        return resolve(ConnectConf.load(configFiles), envValue);
    }

    public static CloudEndpoint resolve(ConnectConf conf, String envValue) throws StartupException {
        String url = DEFAULT_URL;
        String source = "the default";
        var fromFile = conf.get(ConnectConf.CLOUD_URL);
        if (fromFile.isPresent()) {
            url = fromFile.get().value();
            source = fromFile.get().source();
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
}
