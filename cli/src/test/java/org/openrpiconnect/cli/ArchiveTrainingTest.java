package org.openrpiconnect.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArchiveTrainingTest {
    @Test
    void training_goes_through_not_running_answered_status_help_version_and_a_usage_error(@TempDir Path dir)
            throws Exception {
        List<Integer> exitCodes = ArchiveTraining.run(dir);

        assertEquals(List.of(ExitCodes.NOT_RUNNING, ExitCodes.OK, ExitCodes.OK, ExitCodes.OK, ExitCodes.OK,
                ExitCodes.USAGE), exitCodes);
    }
}
