package org.openrpiconnect.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion, bounded in time, and keeps its exit code and merged stdout + stderr. */
record ProcessResult(int exitCode, String output) {

    static ProcessResult run(List<String> command, Map<String, String> environment, Path workDir)
            throws IOException, InterruptedException {
        Path outputFile = Files.createTempFile(workDir, "output", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish within 60 s");
        }
        return new ProcessResult(p.exitValue(), Files.readString(outputFile, StandardCharsets.UTF_8));
    }
}
