package org.openrpiconnect.protocol.local;

/**
 * {@code state} is {@code "signed_in"} (then {@code deviceName} is set) or {@code "pending"} (device-code flow;
 * then {@code verificationUrl} is set and the CLI prints "Complete sign in by visiting URL" and polls status).
 */
public record SignInResult(String state, String verificationUrl, String deviceName) {
    public static final String SIGNED_IN = "signed_in";
    public static final String PENDING = "pending";
}
