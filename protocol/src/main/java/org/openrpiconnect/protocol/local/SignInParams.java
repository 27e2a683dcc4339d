package org.openrpiconnect.protocol.local;

/**
 * {@code authKey} null: start (or rejoin) the device-code flow and return the verification URL at once.
 * {@code authKey} set: exchange it now (the CLI has already read {@code @FILE} itself and sends the key).
 */
public record SignInParams(String authKey) {}
