package org.openrpiconnect.daemon.service;

import org.openrpiconnect.protocol.local.ServiceParams;

import java.util.Optional;

/** The remote access services a user can allow or disallow. */
public enum Service {
    VNC(ServiceParams.VNC),
    SHELL(ServiceParams.SHELL);

    private final String wireName;

    Service(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Service> fromWire(String name) {
        for (Service s : values()) {
            if (s.wireName.equals(name)) return Optional.of(s);
        }
        return Optional.empty();
    }
}
