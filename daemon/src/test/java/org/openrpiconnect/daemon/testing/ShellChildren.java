package org.openrpiconnect.daemon.testing;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shells an in-process daemon started: children of the test JVM whose command ends in "sh". A test takes a
 * snapshot before its session and then asks only about shells started since, so a shell another test left dying
 * in the same JVM cannot make it fail.
 */
public final class ShellChildren {
    private final Set<Long> before;

    private ShellChildren(Set<Long> before) {
        this.before = before;
    }

    public static ShellChildren snapshot() {
        return new ShellChildren(shells().collect(Collectors.toSet()));
    }

    /** Shells started since the snapshot that are still alive. */
    public long startedSinceAndAlive() {
        return shells().filter(pid -> !before.contains(pid)).count();
    }

    private static java.util.stream.Stream<Long> shells() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("sh")).map(ProcessHandle::pid);
    }
}
