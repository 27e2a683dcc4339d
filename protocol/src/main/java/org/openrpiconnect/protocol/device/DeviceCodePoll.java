package org.openrpiconnect.protocol.device;

public record DeviceCodePoll(String deviceCode) {}
