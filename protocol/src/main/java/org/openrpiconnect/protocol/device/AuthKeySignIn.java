package org.openrpiconnect.protocol.device;

public record AuthKeySignIn(String authKey, DeviceFacts device) {}
