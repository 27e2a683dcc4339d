package org.openrpiconnect.protocol.device;

/**
 * What a device tells the cloud about itself when it signs in. {@code board}, {@code os} and
 * {@code kernelArchitecture} are null when unknown (as in the Management API's device object).
 *
 * @param publicKey PEM ("-----BEGIN PUBLIC KEY-----") of the device's EC P-256 key; the private key never leaves
 *                  the device
 */
public record DeviceFacts(String publicKey, String serialNumber, String hostname, Board board, Os os,
                          String kernelArchitecture, String clientVersion) {

    /** e.g. {@code {"model":"Raspberry Pi 5","revision":"1.0","memory":"8 GB"}}. */
    public record Board(String model, String revision, String memory) {}

    /** e.g. {@code {"name":"Raspberry Pi OS","version":"13 (Trixie)"}}. */
    public record Os(String name, String version) {}
}
