package org.openrpiconnect.daemon.board;

import org.openrpiconnect.protocol.Version;
import org.openrpiconnect.protocol.device.DeviceFacts;

/** What the board says about itself; any field may be null when unknown (a serial is needed to sign in). */
public record BoardFacts(String serial, String hostname, DeviceFacts.Board board, DeviceFacts.Os os,
                         String kernelArchitecture) {

    /** The sign-in body: these facts plus the public half of the device key. */
    public DeviceFacts toDeviceFacts(String publicKeyPem) {
        return new DeviceFacts(publicKeyPem, serial, hostname, board, os, kernelArchitecture, Version.current());
    }
}
