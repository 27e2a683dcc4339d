package org.openrpiconnect.packaging;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * lintian finds no error and no warning in any of the six packages. What does not apply is overridden in
 * debian/lintian/*, each override with its reason; informational tags are allowed.
 */
class LintianIT {
    @Test
    void all_six_packages_are_lintian_clean() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/lintian")),
                "lintian is not installed: scripts/setup-test-env installs it (apt-get install lintian)");
        List<String> command = new ArrayList<>(List.of("lintian", "--fail-on", "error,warning", "--no-tag-display-limit"));
        for (Flavour flavour : Flavour.values()) {
            for (DebianArch arch : DebianArch.values()) command.add(Debs.of(flavour, arch).toString());
        }

        Run lintian = Run.of(command, null, Duration.ofMinutes(4));

        String findings = String.join("\n", lintian.output().lines()
                .filter(l -> l.startsWith("E: ") || l.startsWith("W: ")).toList());
        assertEquals("", findings, "lintian:\n" + lintian.output());
        assertEquals(0, lintian.exitCode(), lintian.describe());
    }
}
