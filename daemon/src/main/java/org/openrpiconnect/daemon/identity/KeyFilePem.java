package org.openrpiconnect.daemon.identity;

import org.openrpiconnect.daemon.identity.DerReader.DerException;
import org.openrpiconnect.protocol.device.RequestSignature;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key pair in the PEM text of a device identity key file: PKCS#8 ("PRIVATE KEY") or OpenSSL's SEC1
 * ("EC PRIVATE KEY") P-256, both halves taken from the file, as openssl writes them. The public half is never
 * computed here (that is elliptic-curve arithmetic on the secret): a file without it is refused with the command
 * that adds it. Every refusal names the file and what to do.
 */
final class KeyFilePem {
    static final String MAKE_ONE = "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ";
    private static final String PKCS8 = "PRIVATE KEY";
    private static final String SEC1 = "EC PRIVATE KEY";
    private static final String ENCRYPTED = "ENCRYPTED PRIVATE KEY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFilePem() {}

    static KeyPair read(Path file, String pem) throws IdentityException {
        byte[] pkcs8 = pkcs8(file, pem);
        PrivateKey privateKey = privateKey(file, pkcs8);
        PublicKey publicKey = publicKey(file, pkcs8);
        if (!halvesMatch(file, privateKey, publicKey)) {
            throw new IdentityException("The device identity key file " + file + " holds a public key that does "
                    + "not belong to its private key (what the one signs, the other does not verify), so it is not "
                    + "used. Restore the file as it was registered, or make a new key with: " + MAKE_ONE + file
                    + " and register its public key.");
        }
        return new KeyPair(publicKey, privateKey);
    }

    private static PrivateKey privateKey(Path file, byte[] pkcs8) throws IdentityException {
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IdentityException("The device identity key file " + file + " does not hold an EC P-256 "
                    + "private key. Make one with: " + MAKE_ONE + file);
        }
        if (!(key instanceof ECPrivateKey ec) || !P256.isP256(ec)) {
            throw new IdentityException("The device identity key file " + file + " holds a key that is not EC "
                    + "P-256, the only kind Raspberry Pi Connect accepts. Make one with: " + MAKE_ONE + file);
        }
        return key;
    }

    /** The public key the file holds next to its (P-256) private key. */
    private static PublicKey publicKey(Path file, byte[] pkcs8) throws IdentityException {
        byte[] point;
        try {
            point = EcEncodings.publicPointOfSec1(EcEncodings.sec1OfPkcs8(pkcs8));
        } catch (DerException e) {
            throw damaged(file, e);
        }
        if (point == null) {
            throw new IdentityException("The device identity key file " + file + " holds the private key without "
                    + "its public key, which rpi-connectd takes from the same file. Add it with: openssl ec -in "
                    + file + " -out NEWFILE, then point identity_key_file at NEWFILE (or make a new key with: "
                    + MAKE_ONE + file + " and register its public key).");
        }
        if (P256.isCompressed(point)) {
            throw new IdentityException("The device identity key file " + file + " holds its public key in "
                    + "compressed form, which rpi-connectd cannot read. Write it uncompressed with: openssl ec -in "
                    + file + " -conv_form uncompressed -out NEWFILE, then point identity_key_file at NEWFILE.");
        }
        try {
            return P256.publicKey(point);
        } catch (GeneralSecurityException e) {
            throw damaged(file, e.getMessage());
        }
    }

    /** Signs a random challenge with the private half and verifies it with the public half. */
    private static boolean halvesMatch(Path file, PrivateKey privateKey, PublicKey publicKey) throws IdentityException {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        String challenge = "rpi-connect identity key check " + HexFormat.of().formatHex(nonce);
        String signature;
        try {
            signature = RequestSignature.sign(privateKey, challenge);
        } catch (IllegalStateException e) {
            throw new IdentityException("The private key in the device identity key file " + file + " cannot sign, "
                    + "so it is not used. Make a new key with: " + MAKE_ONE + file + " and register its public key.");
        }
        return RequestSignature.verify(publicKey, challenge, signature);
    }

    /** The PKCS#8 DER of the first private key block in the file. */
    private static byte[] pkcs8(Path file, String pem) throws IdentityException {
        if (block(pem, ENCRYPTED) != null) {
            throw new IdentityException("The device identity key file " + file + " is encrypted with a passphrase, "
                    + "which rpi-connectd cannot enter. Store it unencrypted (openssl pkey -in " + file
                    + " -out NEWFILE), mode 0600.");
        }
        try {
            String pkcs8 = block(pem, PKCS8);
            if (pkcs8 != null) {
                byte[] der = Base64.getMimeDecoder().decode(pkcs8);
                DerReader.of(der, DerReader.SEQUENCE); // a truncated or garbled body is told apart from a wrong key
                return der;
            }
            String sec1 = block(pem, SEC1);
            if (sec1 != null) return EcEncodings.pkcs8FromSec1(Base64.getMimeDecoder().decode(sec1));
        } catch (IllegalArgumentException e) {
            throw new IdentityException("The device identity key file " + file + " is not valid PEM (its body is "
                    + "not base64). Make a new key with: " + MAKE_ONE + file);
        } catch (DerException e) {
            throw damaged(file, e);
        }
        throw new IdentityException("The device identity key file " + file + " holds no PEM private key (expected "
                + "-----BEGIN PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----). Make one with: " + MAKE_ONE
                + file);
    }

    private static IdentityException damaged(Path file, DerException e) {
        return damaged(file, "its key (DER) " + e.getMessage());
    }

    private static IdentityException damaged(Path file, String why) {
        return new IdentityException("The device identity key file " + file + " is damaged: " + why + ". Restore "
                + "it, or make a new key with: " + MAKE_ONE + file + " and register its public key.");
    }

    private static String block(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        if (from < 0) return null;
        int to = pem.indexOf(end, from);
        if (to < 0) return null;
        return pem.substring(from + begin.length(), to);
    }
}
