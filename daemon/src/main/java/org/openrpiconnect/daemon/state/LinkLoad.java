package org.openrpiconnect.daemon.state;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;

/** What was found on disk about the link with the cloud. */
public sealed interface LinkLoad {
    /** Never linked, or signed out. */
    record Absent() implements LinkLoad {}

    record Linked(DeviceState state, PrivateKey key) implements LinkLoad {}

    /**
     * Something is there but cannot be used. {@code problem} says what and how to recover; {@code files} are the
     * ones to move aside (never delete) before a new sign-in writes over them.
     */
    record Unreadable(String problem, List<Path> files) implements LinkLoad {}
}
