package org.openrpiconnect.e2e.harness;

import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The log folders: target/e2e-logs/&lt;TestClass&gt;/ for what a class shares (its cloud), and
 * target/e2e-logs/&lt;TestClass&gt;/&lt;test method&gt;/ for one test's devices. A class folder is emptied when the class
 * starts, so it holds exactly one run (the secret scan relies on that).
 */
public final class E2eLogs {
    private E2eLogs() {}

    public static Path forClass(Class<?> testClass) {
        Path dir = E2ePaths.logRoot().resolve(testClass.getSimpleName());
        TempDirs.deleteRecursively(dir);
        return createDirs(dir);
    }

    public static Path forTest(TestInfo test) {
        return forTest(test.getTestClass().orElseThrow(), test.getTestMethod().map(m -> m.getName()).orElse("class"));
    }

    public static Path forTest(Class<?> testClass, String method) {
        return createDirs(E2ePaths.logRoot().resolve(testClass.getSimpleName()).resolve(method));
    }

    /** Appends a block to a log file; several threads may append to one file. */
    public static synchronized void append(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log " + file, e);
        }
    }

    private static Path createDirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log folder " + dir, e);
        }
    }
}
