package org.openrpiconnect.protocol.device;

/** The cloud's view of a linked device: its id and name (the name may change later, see device.renamed). */
public record SignedInDevice(String deviceId, String name) {}
