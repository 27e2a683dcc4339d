package org.openrpiconnect.packaging;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packages of this project on this machine, as root with apt-get: install a built .deb, purge, and dpkg's state.
 * The package tests install system-wide, so each refuses to run while a package of ours is already there.
 */
final class AptPackages {
    private static final Duration APT_TIMEOUT = Duration.ofMinutes(3);

    private AptPackages() {}

    static void install(Path deb, String... options) {
        List<String> args = new ArrayList<>(List.of("install"));
        args.addAll(List.of(options));
        args.add(deb.toAbsolutePath().toString());
        apt(args.toArray(new String[0]));
    }

    static void purge(Flavour flavour) {
        apt("remove", "--purge", flavour.packageName());
    }

    /** Purges whatever of ours is installed, ignoring failures: for clean-up after a test, whatever happened. */
    static void purgeAllQuietly() {
        for (Flavour flavour : Flavour.values()) {
            if (!state(flavour).isEmpty()) {
                Run.of(aptCommand("remove", "--purge", flavour.packageName()), null, APT_TIMEOUT);
            }
        }
    }

    static void apt(String... args) {
        Run.of(aptCommand(args), null, APT_TIMEOUT).ok();
    }

    private static List<String> aptCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-y", "-q",
                "-o", "DPkg::Lock::Timeout=120"));
        command.addAll(List.of(args));
        return command;
    }

    /** dpkg's status of the package ("install ok installed", "deinstall ok config-files"...), empty when unknown. */
    static String state(Flavour flavour) {
        Run query = Run.of("dpkg-query", "-W", "-f=${Status}", flavour.packageName());
        return query.exitCode() == 0 && !query.output().contains("not-installed") ? query.output().strip() : "";
    }

    /** Why the package tests must not run here (one of our packages is installed), or null. */
    static String alreadyInstalled() {
        for (Flavour flavour : Flavour.values()) {
            String state = state(flavour);
            if (!state.isEmpty()) {
                return flavour.packageName() + " is already on this machine (" + state
                        + "): the test would remove it, so it does not run";
            }
        }
        return null;
    }
}
