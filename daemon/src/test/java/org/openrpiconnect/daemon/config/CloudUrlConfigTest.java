package org.openrpiconnect.daemon.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.StartupException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudUrlConfigTest {
    @TempDir
    Path dir;

    @Test
    void default_is_the_local_cloud() throws Exception {
        assertEquals("http://127.0.0.1:8080", CloudUrlConfig.resolve(List.of(dir.resolve("none.conf")), null).text());
    }

    @Test
    void later_file_wins_and_the_environment_wins_over_both() throws Exception {
        Path system = Files.writeString(dir.resolve("system.conf"), "# comment\ncloud_url=https://system.example\n");
        Path user = Files.writeString(dir.resolve("user.conf"), "\n  cloud_url = https://user.example/  \n");

        assertEquals("https://user.example", CloudUrlConfig.resolve(List.of(system, user), null).text());
        assertEquals("http://env.example:1234",
                CloudUrlConfig.resolve(List.of(system, user), "http://env.example:1234").text());
        assertEquals("https://system.example", CloudUrlConfig.resolve(List.of(system, dir.resolve("x")), "").text());
    }

    @Test
    void unknown_keys_and_junk_lines_are_ignored() throws Exception {
        Path conf = Files.writeString(dir.resolve("c.conf"), "colour=blue\njunk\ncloud_url=http://a.example\n");
        assertEquals("http://a.example", CloudUrlConfig.resolve(List.of(conf), null).text());
    }

    @Test
    void non_http_url_is_refused_naming_where_it_came_from() throws Exception {
        Path conf = Files.writeString(dir.resolve("c.conf"), "cloud_url=connect.example.org\n");
        StartupException e = assertThrows(StartupException.class, () -> CloudUrlConfig.resolve(List.of(conf), null));
        assertTrue(e.getMessage().contains(conf.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("cloud_url=https://"), e.getMessage());
    }

    @Test
    void websocket_url_follows_the_http_scheme_and_keeps_a_base_path() {
        assertEquals(URI.create("wss://c.example/base/api/v1/device/events"),
                new CloudEndpoint(URI.create("https://c.example/base")).websocket("/api/v1/device/events"));
        assertEquals(URI.create("ws://127.0.0.1:8080/api/v1/device/events"),
                new CloudEndpoint(URI.create("http://127.0.0.1:8080")).websocket("/api/v1/device/events"));
    }
}
