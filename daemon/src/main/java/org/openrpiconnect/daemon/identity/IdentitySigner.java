package org.openrpiconnect.daemon.identity;

/**
 * A device identity: an EC P-256 key registered with an organisation (Management API, device identities) whose
 * private half never leaves the device. It only signs: the device's own key pair for later requests is made at each
 * sign-in, as for every other way of signing in.
 */
public interface IdentitySigner {
    /** The PEM ("-----BEGIN PUBLIC KEY-----") of the identity's public key, as registered in the organisation. */
    String publicKeyPem() throws IdentityException;

    /** Base64 of the DER ECDSA P-256 / SHA-256 signature of {@code canonical} (UTF-8). */
    String sign(String canonical) throws IdentityException;

    /**
     * True when the operator configured this identity (a key file in connect.conf): then failing to use it is an
     * error to show. False for one found on the board (rpi-fw-crypto), which many devices have without being
     * registered anywhere: then the ordinary sign-in goes on as if there were none.
     */
    boolean configured();

    /** Where the key lives, for log lines and messages; never anything secret. */
    String description();
}
