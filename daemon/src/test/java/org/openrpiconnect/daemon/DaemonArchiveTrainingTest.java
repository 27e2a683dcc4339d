package org.openrpiconnect.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.state.StateStore;
import org.openrpiconnect.protocol.local.StatusResult;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaemonArchiveTrainingTest {
    @Test
    void first_run_signs_in_to_the_loopback_cloud_and_the_second_starts_linked_and_subscribes(@TempDir Path dir)
            throws Exception {
        Path state = dir.resolve("home/.config").resolve(DaemonEnvironment.STATE_DIR_NAME);

        StatusResult first = DaemonArchiveTraining.run(dir);

        assertNotNull(first, "the daemon answered status with an error");
        assertTrue(first.signedIn() && first.subscribed(), "the daemon did not sign in and subscribe: " + first);
        assertTrue(Files.exists(state.resolve(StateStore.STATE_FILE)), "no linked state left for the second run");
        assertFalse(Files.exists(dir.resolve("run").resolve("rpi-connect.sock")), "the daemon did not stop");
        String linkedState = Files.readString(state.resolve(StateStore.STATE_FILE));

        StatusResult second = DaemonArchiveTraining.run(dir);

        assertTrue(second != null && second.signedIn() && second.subscribed(), "second run: " + second);
        assertFalse(Files.exists(state.resolve(StateStore.AUTH_KEY_FILE)), "the second run signed in again");
        assertEquals(linkedState, Files.readString(state.resolve(StateStore.STATE_FILE)), "the link changed");
    }
}
