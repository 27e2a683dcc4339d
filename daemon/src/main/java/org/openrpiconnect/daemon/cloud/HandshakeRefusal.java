package org.openrpiconnect.daemon.cloud;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java-WebSocket reports an upgrade answered with an HTTP status other than 101 only in the close reason
 * ("Invalid status code received: 401 Status line: ..."). This is the one place that reads it.
 */
final class HandshakeRefusal {
    private static final Pattern STATUS = Pattern.compile("Invalid status code received: (\\d{3})");

    private HandshakeRefusal() {}

    /** The HTTP status of a refused upgrade, or empty when the close was something else. */
    static OptionalInt status(String closeReason) {
        if (closeReason == null) return OptionalInt.empty();
        Matcher m = STATUS.matcher(closeReason);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
