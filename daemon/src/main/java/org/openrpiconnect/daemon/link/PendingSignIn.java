package org.openrpiconnect.daemon.link;

import org.openrpiconnect.daemon.cloud.DeviceSigner;

import java.security.PrivateKey;
import java.time.Instant;

/**
 * A device-code sign-in waiting for the user. The key made for it becomes the device key when it completes.
 * {@code deviceCode} is a secret: never logged.
 */
record PendingSignIn(String verificationUrl, String deviceCode, DeviceSigner signer, String serial,
                     Instant expiresAt, long intervalSeconds) {
    PrivateKey key() {
        return signer.key();
    }

    @Override
    public String toString() {
        return "PendingSignIn[" + verificationUrl + "]";
    }
}
