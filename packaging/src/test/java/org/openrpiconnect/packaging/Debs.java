package org.openrpiconnect.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The .deb files `mvn package` built (target/debs), found by package and architecture. */
final class Debs {
    static final Path DIR = Path.of(System.getProperty("debs.dir", "target/debs"));

    private Debs() {}

    static Path of(Flavour flavour, DebianArch arch) {
        String prefix = flavour.packageName() + "_";
        String suffix = "_" + arch.debianName() + ".deb";
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> found = files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(suffix);
            }).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one " + prefix + "*" + suffix + " in " + DIR + ", found " + found
                        + " (run mvn package in packaging/)");
            }
            return found.get(0);
        } catch (IOException e) {
            throw new AssertionError("cannot list " + DIR + " (run mvn package in packaging/)", e);
        }
    }

    /** The version in the file name: rpi-connect_VERSION_ARCH.deb. */
    static String fileVersion(Path deb) {
        String[] parts = deb.getFileName().toString().split("_");
        return parts[1];
    }

    static String field(Path deb, String name) {
        return Run.of("dpkg-deb", "--field", deb.toString(), name).ok().output().strip();
    }

    /** Paths of the files (not directories) in the package, without the leading "./". */
    static List<String> files(Path deb) {
        return Run.of("dpkg-deb", "--contents", deb.toString()).ok().output().lines()
                .filter(l -> !l.startsWith("d"))
                .map(l -> l.substring(l.indexOf("./") + 2).replaceAll(" -> .*$", ""))
                .toList();
    }

    static Path extract(Path deb, Path into) {
        Run.of("dpkg-deb", "-x", deb.toString(), into.toString()).ok();
        return into;
    }
}
