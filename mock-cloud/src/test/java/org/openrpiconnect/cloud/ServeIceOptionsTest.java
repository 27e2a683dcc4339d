package org.openrpiconnect.cloud;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.openrpiconnect.cloud.AdminCommandsTest.assertOneLineError;

/** serve's STUN/TURN options: each mistake stops serve before it starts, with one line saying what to fix. */
class ServeIceOptionsTest {
    @Test
    void turn_url_without_a_secret_file_is_refused(@TempDir Path dir) {
        assertOneLineError(TestCloud.execute(null, "serve", "--port", "0", "--data", dir.toString(), "--turn-url",
                "turn:127.0.0.1:3478?transport=udp"), "--turn-secret-file");
    }

    @Test
    void unreadable_secret_file_is_refused(@TempDir Path dir) {
        assertOneLineError(TestCloud.execute(null, "serve", "--port", "0", "--data", dir.toString(), "--turn-url",
                "turn:127.0.0.1:3478", "--turn-secret-file", dir.resolve("missing").toString()), "cannot read");
    }

    @Test
    void stun_url_of_another_scheme_is_refused(@TempDir Path dir) {
        assertOneLineError(TestCloud.execute(null, "serve", "--port", "0", "--data", dir.toString(), "--stun-url",
                "https://stun.example.org"), "--stun-url");
    }

    @Test
    void ttl_out_of_bounds_is_refused(@TempDir Path dir) {
        assertOneLineError(TestCloud.execute(null, "serve", "--port", "0", "--data", dir.toString(),
                "--turn-ttl-seconds", "0"), "--turn-ttl-seconds");
    }
}
