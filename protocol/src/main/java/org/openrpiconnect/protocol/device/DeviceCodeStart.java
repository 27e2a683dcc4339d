package org.openrpiconnect.protocol.device;

/**
 * @param deviceCode      secret the device polls with (never shown to the user)
 * @param userCode        {@code XXXX-XXXX}
 * @param verificationUrl {@code <cloud>/verify/XXXX-XXXX}
 * @param intervalSeconds how often to poll
 * @param expiresIn       seconds until the code is no longer accepted
 */
public record DeviceCodeStart(String deviceCode, String userCode, String verificationUrl, int intervalSeconds,
                              int expiresIn) {}
