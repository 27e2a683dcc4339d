package org.openrpiconnect.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What `dpkg-deb` shows inside each of the six packages: natives, variants, documentation, versions. */
class PackageContentsIT {
    /** ELF e_machine of each architecture's libraries. */
    private static final Map<DebianArch, Integer> ELF_MACHINE =
            Map.of(DebianArch.AMD64, 0x3E, DebianArch.ARM64, 0xB7, DebianArch.ARMHF, 0x28);

    @BeforeAll
    static void dpkgDebIsThere() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-deb")), "dpkg-deb is not installed (apt-get install dpkg)");
    }

    static Stream<Arguments> packages() {
        List<Arguments> all = new ArrayList<>();
        for (Flavour flavour : Flavour.values()) {
            for (DebianArch arch : DebianArch.values()) all.add(Arguments.of(flavour, arch));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("packages")
    void package_carries_exactly_its_own_architectures_native_libraries(Flavour flavour, DebianArch arch) {
        Path deb = Debs.of(flavour, arch);

        Set<String> natives = new TreeSet<>();
        for (String file : Debs.files(deb)) {
            if (NativeFreeJar.isNative(file)) natives.add(file);
        }

        assertEquals(Set.of(
                "usr/lib/rpi-connect/webrtc/" + arch.webrtcLibrary(),
                "usr/lib/rpi-connect/pty4j/linux/" + arch.pty4jDir() + "/libpty.so",
                "usr/lib/rpi-connect/jna/libjnidispatch.so"), natives, deb.getFileName().toString());
        assertEquals(arch.debianName(), Debs.field(deb, "Architecture"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("packages")
    void every_native_library_is_built_for_the_packages_architecture_and_no_jar_bundles_one(
            Flavour flavour, DebianArch arch, @TempDir Path dir) throws IOException {
        Path root = Debs.extract(Debs.of(flavour, arch), dir);

        try (Stream<Path> files = Files.walk(root.resolve("usr/lib/rpi-connect"))) {
            for (Path so : files.filter(f -> f.toString().endsWith(".so")).toList()) {
                assertEquals(ELF_MACHINE.get(arch), elfMachine(so), so + " is not a " + arch.debianName() + " library");
            }
        }
        try (Stream<Path> jars = Files.list(root.resolve("usr/share/rpi-connect/lib"))) {
            for (Path jar : jars.toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    List<String> bundled = zip.stream().map(e -> e.getName()).filter(NativeFreeJar::isNative).toList();
                    assertTrue(bundled.isEmpty(), jar.getFileName() + " still bundles native code: " + bundled);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DebianArch.class)
    void only_the_full_package_has_screen_sharing(DebianArch arch) {
        List<String> full = Debs.files(Debs.of(Flavour.FULL, arch));
        List<String> lite = Debs.files(Debs.of(Flavour.LITE, arch));
        List<String> screenSharing = List.of("usr/lib/systemd/user/rpi-connect-wayvnc.service",
                "usr/bin/rpi-connect-env", "etc/rpi-connect/wayvnc.config", "usr/share/man/man1/rpi-connect-env.1.gz");

        assertTrue(full.containsAll(screenSharing), "full package lacks one of " + screenSharing);
        for (String file : screenSharing) assertFalse(lite.contains(file), "lite package has " + file);
        assertTrue(Debs.field(Debs.of(Flavour.FULL, arch), "Depends").contains("wayvnc"));
        assertFalse(Debs.field(Debs.of(Flavour.LITE, arch), "Depends").contains("wayvnc"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DebianArch.class)
    void the_two_packages_conflict_with_replace_and_provide_each_other(DebianArch arch) {
        Path full = Debs.of(Flavour.FULL, arch);
        Path lite = Debs.of(Flavour.LITE, arch);
        for (String field : List.of("Conflicts", "Replaces", "Provides")) {
            assertEquals("rpi-connect-lite", Debs.field(full, field), field + " of " + full.getFileName());
            assertEquals("rpi-connect", Debs.field(lite, field), field + " of " + lite.getFileName());
        }
    }

    @Test
    void both_packages_depend_on_a_java_17_runtime_and_the_libraries_webrtc_loads() {
        for (Flavour flavour : Flavour.values()) {
            String depends = Debs.field(Debs.of(flavour, DebianArch.ARM64), "Depends");
            assertTrue(depends.contains("default-jre-headless (>= 2:1.17) | openjdk-17-jre-headless | "
                    + "java17-runtime-headless"), depends);
            for (String library : List.of("libpulse0", "libudev1", "libx11-6", "libxfixes3", "libxrandr2",
                    "libxcomposite1", "libdbus-1-3", "libstdc++6")) {
                assertTrue(depends.contains(library), flavour + " does not depend on " + library + ": " + depends);
            }
        }
    }

    @Test
    void man_pages_cover_rpi_connect_each_subcommand_and_rpi_connectd_and_completion_is_installed() {
        List<String> files = Debs.files(Debs.of(Flavour.LITE, DebianArch.AMD64));
        List<String> pages = new ArrayList<>(List.of("rpi-connect", "rpi-connectd"));
        for (var sub : ManPageWriter.visibleSubcommands(CommandModels.rpiConnect().getCommandSpec())) {
            pages.add("rpi-connect-" + sub.getCommandName());
        }
        assertTrue(pages.size() > 5, "the CLI model has too few subcommands: " + pages);
        for (String page : pages) {
            assertTrue(files.contains("usr/share/man/man1/" + page + ".1.gz"), "no man page for " + page);
        }
        assertTrue(files.contains("usr/share/bash-completion/completions/rpi-connect"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Flavour.class)
    void file_name_control_file_and_changelog_name_the_same_version(Flavour flavour, @TempDir Path dir)
            throws IOException {
        Path deb = Debs.of(flavour, DebianArch.ARMHF);
        Path root = Debs.extract(deb, dir);
        String changelog;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                root.resolve("usr/share/doc/" + flavour.packageName() + "/changelog.gz")))) {
            changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        String version = Debs.field(deb, "Version");
        assertEquals(version, Debs.fileVersion(deb));
        assertTrue(changelog.startsWith("rpi-connect (" + version + ")"), changelog);
        assertTrue(Files.isRegularFile(root.resolve("usr/share/doc/" + flavour.packageName() + "/copyright")));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Flavour.class)
    void every_file_in_etc_is_a_conffile_and_only_launchers_are_executable(Flavour flavour) {
        Path deb = Debs.of(flavour, DebianArch.AMD64);
        String contents = Run.of("dpkg-deb", "--contents", deb.toString()).ok().output();
        String conffiles = Run.of("dpkg-deb", "--info", deb.toString(), "conffiles").ok().output();

        List<String> etc = Debs.files(deb).stream().filter(f -> f.startsWith("etc/")).toList();
        assertEquals(etc.stream().map(f -> "/" + f).sorted().toList(),
                Arrays.stream(conffiles.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).sorted().toList());
        List<String> executables = contents.lines().filter(l -> l.startsWith("-rwx"))
                .map(l -> l.substring(l.indexOf("./") + 2)).sorted().toList();
        List<String> expected = new ArrayList<>(List.of("usr/bin/rpi-connect", "usr/bin/rpi-connectd",
                "usr/lib/rpi-connect/update-cds-archive"));
        if (flavour.screenSharing()) expected.add("usr/bin/rpi-connect-env");
        assertEquals(expected.stream().sorted().toList(), executables);
    }

    private static int elfMachine(Path file) throws IOException {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, 20) != 20 || header[0] != 0x7f || header[1] != 'E') {
                throw new AssertionError(file + " is not an ELF file");
            }
        }
        return (header[18] & 0xff) | (header[19] & 0xff) << 8;
    }
}
