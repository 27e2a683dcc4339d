package org.openrpiconnect.packaging;

import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The build step before jdeb (run by Maven in prepare-package, configured by system properties in pom.xml): lays out
 * {@code <output>/<package>_<arch>/DEBIAN} (control files) and {@code .../root} (the files, as installed) for each of
 * the six packages. Shared parts (jars, man pages, completion) are made once and copied into each tree.
 */
public final class PackageStager {
    static final String MAINTAINER = "rpi-connect maintainers <maintainers@openrpiconnect.org>";
    static final String LIB_DIR = "usr/share/rpi-connect/lib";
    static final String COMMON_DEPENDS = String.join(", ",
            "default-jre-headless (>= 2:1.17) | openjdk-17-jre-headless | java17-runtime-headless",
            "init-system-helpers (>= 1.58)",
            // what the webrtc-java native library links at run time (see shared/notes/webrtc-java.md)
            "libc6 (>= 2.18)", "libstdc++6", "libpulse0", "libudev1", "libx11-6", "libxfixes3", "libxrandr2",
            "libxcomposite1", "libdbus-1-3");

    private final Path debianDir;
    private final Path unitsDir;
    private final Path binDir;
    private final Path jarsDir;
    private final Path nativesDir;
    private final Path outputDir;
    private final String mavenVersion;
    private final String debianVersion;
    private final String cliClasspath;
    private final String daemonClasspath;

    PackageStager(Map<String, String> settings) throws IOException {
        debianDir = Path.of(required(settings, "stage.debian.dir"));
        unitsDir = Path.of(required(settings, "stage.units.dir"));
        binDir = Path.of(required(settings, "stage.bin.dir"));
        jarsDir = Path.of(required(settings, "stage.jars.dir"));
        nativesDir = Path.of(required(settings, "stage.natives.dir"));
        outputDir = Path.of(required(settings, "stage.output.dir"));
        mavenVersion = required(settings, "stage.project.version");
        debianVersion = DebianVersion.of(mavenVersion);
        cliClasspath = Files.readString(Path.of(required(settings, "stage.cli.classpath"))).strip();
        daemonClasspath = Files.readString(Path.of(required(settings, "stage.daemon.classpath"))).strip();
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("stage.")) settings.put(name, System.getProperty(name));
        }
        new PackageStager(settings).stageAll();
    }

    void stageAll() throws IOException {
        deleteRecursively(outputDir);
        Path shared = outputDir.resolve("shared");
        stageJars(shared.resolve(LIB_DIR));
        stageManPagesAndCompletion(shared);
        for (Flavour flavour : Flavour.values()) {
            for (DebianArch arch : DebianArch.values()) {
                stagePackage(flavour, arch, shared);
            }
        }
    }

    private void stagePackage(Flavour flavour, DebianArch arch, Path shared) throws IOException {
        Path dir = outputDir.resolve(flavour.packageName() + "_" + arch.debianName());
        Path root = dir.resolve("root");
        Path control = dir.resolve("DEBIAN");
        Map<String, String> values = values(flavour, arch);

        copyTree(shared, root);
        if (!flavour.screenSharing()) {
            Files.delete(root.resolve("usr/share/man/man1/rpi-connect-env.1.gz"));
        }
        stageNatives(arch, root.resolve("usr/lib/rpi-connect"));
        fill("bin/launcher.sh", root.resolve("usr/share/rpi-connect/launcher.sh"), values);
        fill("bin/rpi-connect", root.resolve("usr/bin/rpi-connect"), values);
        fill("bin/rpi-connectd", root.resolve("usr/bin/rpi-connectd"), values);
        fill("bin/update-cds-archive", root.resolve("usr/lib/rpi-connect/update-cds-archive"), values);
        for (String unit : flavour.units()) {
            copy(unitsDir.resolve(unit), root.resolve("usr/lib/systemd/user").resolve(unit));
        }

        List<String> conffiles = new ArrayList<>(List.of("/etc/default/rpi-connect", "/etc/rpi-connect/connect.conf"));
        copy(debianDir.resolve("etc/default-rpi-connect"), root.resolve("etc/default/rpi-connect"));
        copy(debianDir.resolve("etc/connect.conf"), root.resolve("etc/rpi-connect/connect.conf"));
        if (flavour.screenSharing()) {
            copy(binDir.resolve("rpi-connect-env"), root.resolve("usr/bin/rpi-connect-env"));
            copy(debianDir.resolve("etc/wayvnc.config"), root.resolve("etc/rpi-connect/wayvnc.config"));
            conffiles.add("/etc/rpi-connect/wayvnc.config");
        }

        Path doc = root.resolve("usr/share/doc").resolve(flavour.packageName());
        fill("doc/copyright", doc.resolve("copyright"), values);
        Gzip.write(doc.resolve("changelog.gz"), read("doc/changelog", values));
        fill("lintian/" + flavour.packageName(),
                root.resolve("usr/share/lintian/overrides").resolve(flavour.packageName()), values);

        fill("control/" + flavour.packageName(), control.resolve("control"), values);
        fill("control/triggers", control.resolve("triggers"), values);
        fill("scripts/postinst", control.resolve("postinst"), values);
        fill("scripts/postrm", control.resolve("postrm"), values);
        Files.writeString(control.resolve("conffiles"), String.join("\n", conffiles) + "\n");
    }

    private Map<String, String> values(Flavour flavour, DebianArch arch) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("PACKAGE", flavour.packageName());
        values.put("VERSION", debianVersion);
        values.put("ARCH", arch.debianName());
        values.put("MAINTAINER", MAINTAINER);
        values.put("COMMON_DEPENDS", COMMON_DEPENDS);
        values.put("CLI_CLASSPATH", cliClasspath);
        values.put("DAEMON_CLASSPATH", daemonClasspath);
        values.put("ALL_UNITS", String.join(" ", flavour.units()));
        values.put("ENABLED_UNITS", flavour.units().stream().filter(this::hasInstallSection)
                .collect(Collectors.joining(" ")));
        return values;
    }

    /** Units without an [Install] section (rpi-connect-signin.service: started by its .path) are not enabled. */
    private boolean hasInstallSection(String unit) {
        try {
            return Files.readAllLines(unitsDir.resolve(unit)).stream().anyMatch(l -> l.strip().equals("[Install]"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the unit " + unitsDir.resolve(unit), e);
        }
    }

    /** Every jar of both classpaths, without bundled native code; checks that each classpath entry is there. */
    private void stageJars(Path lib) throws IOException {
        Files.createDirectories(lib);
        try (Stream<Path> jars = Files.list(jarsDir)) {
            for (Path jar : jars.sorted().toList()) {
                Path target = lib.resolve(jar.getFileName());
                if (NativeFreeJar.containsNative(jar)) {
                    NativeFreeJar.copy(jar, target);
                } else {
                    Files.copy(jar, target);
                }
            }
        }
        for (String entry : (cliClasspath + ":" + daemonClasspath).split(":")) {
            Path name = Path.of(entry).getFileName();
            if (!Files.exists(lib.resolve(name))) {
                throw new IllegalStateException("the classpath names " + entry + " but " + name
                        + " was not copied from " + jarsDir);
            }
        }
    }

    private void stageNatives(DebianArch arch, Path nativeRoot) throws IOException {
        copy(nativesDir.resolve(arch.webrtcLibrary()), nativeRoot.resolve("webrtc").resolve(arch.webrtcLibrary()));
        copy(nativesDir.resolve("resources/com/pty4j/native/linux").resolve(arch.pty4jDir()).resolve("libpty.so"),
                nativeRoot.resolve("pty4j/linux").resolve(arch.pty4jDir()).resolve("libpty.so"));
        copy(nativesDir.resolve("com/sun/jna").resolve(arch.jnaDir()).resolve("libjnidispatch.so"),
                nativeRoot.resolve("jna/libjnidispatch.so"));
    }

    private void stageManPagesAndCompletion(Path shared) throws IOException {
        Path man1 = shared.resolve("usr/share/man/man1");
        ManPageWriter writer = new ManPageWriter("rpi-connect " + mavenVersion.replace("-SNAPSHOT", ""));
        CommandLine cli = CommandModels.rpiConnect();
        CommandLine daemon = CommandModels.rpiConnectd();
        List<CommandLine> pages = new ArrayList<>();
        collect(cli, pages);
        pages.add(daemon);
        for (CommandLine command : pages) {
            List<String> seeAlso = new ArrayList<>();
            CommandLine parent = command.getParent();
            if (parent != null) seeAlso.add(ManPageWriter.pageName(parent.getCommandSpec()));
            if (command == cli) seeAlso.add("rpi-connectd");
            if (command == daemon) seeAlso.add("rpi-connect");
            String page = writer.write(command.getCommandSpec(), seeAlso);
            Gzip.write(man1.resolve(ManPageWriter.pageName(command.getCommandSpec()) + ".1.gz"), page);
        }
        Gzip.write(man1.resolve("rpi-connect-env.1.gz"),
                Templates.fill(Files.readString(debianDir.resolve("man/rpi-connect-env.1")),
                        Map.of("VERSION", mavenVersion.replace("-SNAPSHOT", "")), "man/rpi-connect-env.1"));

        Path completion = shared.resolve("usr/share/bash-completion/completions/rpi-connect");
        Files.createDirectories(completion.getParent());
        Files.writeString(completion, withoutHashbang(AutoComplete.bash("rpi-connect", cli)), StandardCharsets.UTF_8);
    }

    /** bash-completion sources the script; a #! line would wrongly suggest it is run. */
    static String withoutHashbang(String script) {
        return script.startsWith("#!") ? script.substring(script.indexOf('\n') + 1) : script;
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        for (CommandLine sub : ManPageWriter.visibleSubcommands(command.getCommandSpec())) collect(sub, into);
    }

    private String read(String template, Map<String, String> values) throws IOException {
        return Templates.fill(Files.readString(debianDir.resolve(template)), values, "debian/" + template);
    }

    private void fill(String template, Path target, Map<String, String> values) throws IOException {
        Files.createDirectories(target.getParent());
        Files.writeString(target, read(template, values), StandardCharsets.UTF_8);
    }

    private static void copy(Path source, Path target) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new IllegalStateException("missing " + source + " (was the module built? see packaging/pom.xml)");
        }
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.delete(p);
        }
    }

    private static String required(Map<String, String> settings, String name) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is not set (see packaging/pom.xml)");
        }
        return value;
    }
}
