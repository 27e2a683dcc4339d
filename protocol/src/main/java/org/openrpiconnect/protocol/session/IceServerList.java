package org.openrpiconnect.protocol.session;

import java.util.List;

/**
 * The body of {@link org.openrpiconnect.protocol.device.DeviceApi#ICE_SERVERS}: the STUN/TURN servers the cloud
 * hands to this device, TURN with fresh time-limited credentials (as in {@code session.offer}); empty when the
 * cloud has none configured. {@code rpi-connect doctor} gathers candidates against them.
 */
public record IceServerList(List<IceServer> iceServers) {}
