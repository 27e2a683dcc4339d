package org.openrpiconnect.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.protocol.local.StatusResult;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaemonArchiveTrainingTest {
    @Test
    void training_run_tries_the_auth_key_against_a_refused_loopback_port_and_stops(@TempDir Path dir)
            throws Exception {
        StatusResult status = DaemonArchiveTraining.run(dir);

        assertNotNull(status, "the daemon answered status with an error");
        assertTrue(status.problem() != null && status.problem().contains("connection refused"),
                "no sign-in attempt was made: " + status);
        assertFalse(Files.exists(dir.resolve("run").resolve("rpi-connect.sock")), "the daemon did not stop");
    }
}
