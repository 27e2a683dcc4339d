package org.openrpiconnect.e2e.harness;

/** What a finished command left behind. {@link #toString()} is meant for assertion messages. */
public record ProcessResult(String label, int exitCode, String stdout, String stderr) {

    /** stdout then stderr: for checks that do not care which stream a message went to. */
    public String output() {
        return stdout + stderr;
    }

    @Override
    public String toString() {
        return label + " exited " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
}
