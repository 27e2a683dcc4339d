package org.openrpiconnect.protocol.device;

/**
 * Sign-in with a device identity ({@link DeviceApi#SIGNIN_IDENTITY}).
 *
 * @param identityPublicKey PEM of the identity's EC P-256 public key, as registered in the organisation (on a Pi:
 *                          {@code rpi-fw-crypto pubkey --key-id 1}); the request is signed with its private half
 * @param device            the device's facts; {@code device.public_key} is the key of its later requests
 */
public record IdentitySignIn(String identityPublicKey, DeviceFacts device) {}
