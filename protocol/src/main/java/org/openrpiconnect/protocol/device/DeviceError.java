package org.openrpiconnect.protocol.device;

public record DeviceError(DeviceErrorCode code, String message) {}
