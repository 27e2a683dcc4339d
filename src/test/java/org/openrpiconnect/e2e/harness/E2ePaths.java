package org.openrpiconnect.e2e.harness;

import java.nio.file.Path;

/** Where things are: the checkout (system property {@code repo.root}, set by e2e/pom.xml) and its launchers. */
public final class E2ePaths {
    private E2ePaths() {}

    public static Path repoRoot() {
        String root = System.getProperty("repo.root");
        Path p = root != null ? Path.of(root) : Path.of("..");
        return p.toAbsolutePath().normalize();
    }

    /** {@code bin/rpi-connect}, {@code bin/rpi-connectd} or {@code bin/rpi-connect-cloud}. */
    public static String launcher(String name) {
        return repoRoot().resolve("bin").resolve(name).toString();
    }

    /** e2e/target/e2e-logs: every log of every run, kept after the run. */
    public static Path logRoot() {
        return repoRoot().resolve("e2e").resolve("target").resolve("e2e-logs");
    }
}
