package org.openrpiconnect.systemd;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each user unit passes {@code systemd-analyze --user verify} with no warning. The verifier needs no running systemd,
 * only an XDG_RUNTIME_DIR; it checks that ExecStart's program exists, so the units are verified from a copy in which
 * /usr/bin/rpi-connectd and /usr/bin/rpi-connect-env point at the repository's launchers.
 */
class UserUnitsVerifyTest {
    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final Path WAYVNC = Path.of("/usr/bin/wayvnc");

    @TempDir
    Path work;
    Path unitDir;
    Path runtimeDir;

    @BeforeEach
    void copyUnitsWithRepoLaunchers() throws IOException {
        assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), "systemd-analyze is not installed (apt-get install systemd)");
        unitDir = Files.createDirectory(work.resolve("units"));
        runtimeDir = Files.createDirectory(work.resolve("runtime"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        for (Path unit : UnitFiles.all()) {
            String text = UnitFiles.mapInstalledCommandsToRepo(UnitFiles.read(unit), UnitFiles.repoBinDir());
            Files.writeString(unitDir.resolve(unit.getFileName()), text);
        }
    }

    static List<Path> units() {
        return UnitFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void unit_passes_systemd_analyze_verify_without_warnings(Path unit) throws Exception {
        String name = unit.getFileName().toString();
        if (UnitFiles.read(unit).contains(WAYVNC.toString())) {
            assumeTrue(Files.isExecutable(WAYVNC),
                    name + " runs wayvnc, which is not installed here (scripts/setup-test-env installs it)");
        }

        ProcessResult result = verify(unitDir.resolve(name));

        assertEquals(0, result.exitCode(), name + " failed verification:\n" + result.output());
        assertTrue(result.output().isBlank(), name + " verified with warnings:\n" + result.output());
    }

    @Test
    void unit_whose_program_is_missing_fails_verification() throws Exception {
        String broken = UnitFiles.read(unitDir.resolve("rpi-connect.service"))
                .replaceFirst("ExecStart=\\S+", "ExecStart=/nonexistent/rpi-connectd");
        Path unit = Files.writeString(unitDir.resolve("rpi-connect-broken.service"), broken);

        ProcessResult result = verify(unit);

        assertNotEquals(0, result.exitCode(), "a unit with a missing program passed:\n" + result.output());
        assertTrue(result.output().contains("/nonexistent/rpi-connectd"), result.output());
    }

    @Test
    void repository_launchers_replace_the_installed_programs_in_the_verified_copy() {
        String copy = UnitFiles.read(unitDir.resolve("rpi-connect.service"));

        assertTrue(copy.contains("ExecStart=" + UnitFiles.repoBinDir().resolve("rpi-connectd") + " -socket"), copy);
    }

    private ProcessResult verify(Path unit) throws Exception {
        return ProcessResult.run(List.of(SYSTEMD_ANALYZE.toString(), "--user", "verify", unit.toString()),
                Map.of("XDG_RUNTIME_DIR", runtimeDir.toString(), "HOME", work.toString(),
                        "PATH", "/usr/sbin:/usr/bin:/sbin:/bin", "LANG", "C.UTF-8"),
                work);
    }
}
