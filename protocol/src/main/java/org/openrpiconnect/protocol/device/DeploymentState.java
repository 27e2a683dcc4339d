package org.openrpiconnect.protocol.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.openrpiconnect.protocol.json.WireEnum;

import java.util.Optional;

/** The states of a remote-update deployment, with their wire names (the Management API's {@code state}). */
public enum DeploymentState implements WireEnum {
    PENDING("pending"),
    IN_PROGRESS("in_progress"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wire;

    DeploymentState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** Pending and in-progress deployments are open: the device still works on them. */
    public boolean isOpen() {
        return this == PENDING || this == IN_PROGRESS;
    }

    public static Optional<DeploymentState> byWire(String s) {
        for (DeploymentState d : values()) {
            if (d.wire.equals(s)) return Optional.of(d);
        }
        return Optional.empty();
    }

    /** Unknown names read as null, so a report with a state this version does not know is refused clearly. */
    @JsonCreator
    public static DeploymentState fromWire(String s) {
        return byWire(s).orElse(null);
    }
}
