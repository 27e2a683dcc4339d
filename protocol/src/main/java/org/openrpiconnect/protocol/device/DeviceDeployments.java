package org.openrpiconnect.protocol.device;

import java.util.List;

/** The body of {@link DeviceApi#DEPLOYMENTS}: the device's open deployments, oldest first. */
public record DeviceDeployments(List<DeviceDeployment> deployments) {}
