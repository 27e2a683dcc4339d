package org.openrpiconnect.cloud.api;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The test resources seed001/ hold seed 001's curl commands and bulk provisioning script as the seed writes them;
 * where the seeds are checked out next to the project (../shared/seeds), this proves the copies still match.
 */
class SeedCopiesTest {

    private static List<String> seedLines() throws IOException {
        Path seeds = Path.of(System.getProperty("user.dir")).resolve("../../shared/seeds").normalize();
        Assumptions.assumeTrue(Files.isDirectory(seeds), "seed documents not found at " + seeds);
        try (Stream<Path> files = Files.list(seeds)) {
            Path seed = files.filter(p -> p.getFileName().toString().startsWith("001_")).findFirst().orElse(null);
            Assumptions.assumeTrue(seed != null, "seed 001 not found in " + seeds);
            return Files.readAllLines(seed);
        }
    }

    @Test
    void the_curl_commands_are_the_seeds_own() throws IOException {
        List<String> fromSeed = seedLines().stream().filter(l -> l.startsWith("$ curl")).map(l -> l.substring(2))
                .toList();
        assertEquals(18, fromSeed.size());
        assertEquals(fromSeed, SeedCommandsContract.resourceLines("/seed001/curl-commands.txt"));
    }

    @Test
    void the_bulk_provisioning_script_is_the_seeds_own() throws IOException {
        List<String> lines = seedLines();
        int start = lines.indexOf("for DEVICE in pi5-001 pi5-002 pi5-003; do");
        int end = lines.subList(start, lines.size()).indexOf("done") + start;
        assertEquals(lines.subList(start, end + 1),
                SeedCommandsContract.resourceLines("/seed001/bulk-provisioning.sh"));
    }
}
