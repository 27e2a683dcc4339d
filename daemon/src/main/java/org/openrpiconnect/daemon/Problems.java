package org.openrpiconnect.daemon;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is wrong right now and how to recover, one message per kind; {@code rpi-connect status} shows them all.
 * Each part of the daemon sets and clears its own kind.
 */
public final class Problems {
    public enum Kind {
        /** state.json / device-key.pem unreadable. */
        STATE_FILE,
        /** settings.json unreadable. */
        SETTINGS_FILE,
        /** The link ended or could not be made: serial mismatch, removed, sign-in link expired. */
        LINK,
        /** The auth.key file: rejected, waiting for the network, left alone because already signed in. */
        AUTH_KEY_FILE,
        /** The device identity: refused by the cloud, its key file unusable, waiting for the network. */
        IDENTITY
    }

    private final Map<Kind, String> current = new EnumMap<>(Kind.class);

    public synchronized void set(Kind kind, String message) {
        current.put(kind, message);
    }

    public synchronized void clear(Kind kind) {
        current.remove(kind);
    }

    public synchronized String get(Kind kind) {
        return current.get(kind);
    }

    /** All current problems, one per line, or null when there are none. */
    public synchronized String summary() {
        return current.isEmpty() ? null : current.values().stream().collect(Collectors.joining("\n"));
    }
}
