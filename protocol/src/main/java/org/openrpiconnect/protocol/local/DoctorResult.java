package org.openrpiconnect.protocol.local;

import java.util.List;

/** {@code rpi-connect doctor}: one line per check, "✓ name" or "✗ name - hint". */
public record DoctorResult(List<Check> checks) {
    public boolean allPassed() {
        return checks.stream().allMatch(Check::ok);
    }

    public record Check(String name, boolean ok, String hint) {}

    // The check names, word for word as seed 000 shows them.
    public static final String WEBSOCKET = "Communication with Raspberry Pi Connect WebSocket server";
    public static final String API = "Communication with Raspberry Pi Connect API";
    public static final String AUTHENTICATION = "Authentication with Raspberry Pi Connect API";
    public static final String STUN = "Peer-to-peer connection candidate via STUN";
    public static final String TURN = "Peer-to-peer connection candidate via TURN";
}
