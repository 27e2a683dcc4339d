package org.openrpiconnect.packaging;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A class-level assumption that is also printed: Maven's report does not show why a whole class was skipped. */
final class ClassSkip {
    private ClassSkip() {}

    static void unless(boolean condition, Class<?> test, String reason) {
        if (!condition) System.err.println(test.getSimpleName() + " skipped: " + reason);
        assumeTrue(condition, reason);
    }

    /** What every test that installs our packages and runs them as the test user needs. */
    static void unlessPackagesCanBeInstalled(Class<?> test) {
        unless("root".equals(System.getProperty("user.name")), test,
                "installs system packages: run as root (mvn verify as root, as scripts/test-all does)");
        unless(Files.isExecutable(Path.of("/usr/bin/apt-get")), test, "apt-get is not available");
        unless(TestUser.exists(), test, "the user " + TestUser.NAME + " does not exist: run scripts/setup-test-env");
        String installed = AptPackages.alreadyInstalled();
        unless(installed == null, test, installed);
    }
}
