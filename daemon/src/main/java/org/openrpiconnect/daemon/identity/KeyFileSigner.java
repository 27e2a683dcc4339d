package org.openrpiconnect.daemon.identity;

import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.RequestSignature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * A device identity whose private key is a PEM file ({@code identity_key_file=} in connect.conf), for machines
 * without the Raspberry Pi OTP key and for tests. The file must be readable by its owner only, like an SSH key:
 * anything else is refused. PKCS#8 ("PRIVATE KEY") and OpenSSL's SEC1 ("EC PRIVATE KEY") P-256 keys are accepted.
 */
public final class KeyFileSigner implements IdentitySigner {
    private static final Set<PosixFilePermission> NOT_FOR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final String PKCS8 = "PRIVATE KEY";
    private static final String SEC1 = "EC PRIVATE KEY";
    private static final String ENCRYPTED = "ENCRYPTED PRIVATE KEY";
    private static final String MAKE_ONE = "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ";

    private final Path file;
    private final PrivateKey key;
    private final String publicKeyPem;

    private KeyFileSigner(Path file, PrivateKey key, String publicKeyPem) {
        this.file = file;
        this.key = key;
        this.publicKeyPem = publicKeyPem;
    }

    /** Reads and checks the key file; every refusal says what to change. */
    public static KeyFileSigner load(Path file) throws IdentityException {
        String pem = readPrivately(file);
        byte[] pkcs8 = pkcs8(file, pem);
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
        try {
            return new KeyFileSigner(file, key, DeviceKeys.publicKeyPem(P256.publicKeyOf(ec)));
        } catch (GeneralSecurityException e) {
            throw new IdentityException("The device identity key file " + file + " holds an unusable key ("
                    + e.getMessage() + "). Make a new one with: " + MAKE_ONE + file);
        }
    }

    @Override
    public String publicKeyPem() {
        return publicKeyPem;
    }

    @Override
    public String sign(String canonical) {
        return RequestSignature.sign(key, canonical);
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public String description() {
        return "the key file " + file;
    }

    @Override
    public String toString() {
        return "KeyFileSigner[" + file + "]"; // never the key
    }

    private static String readPrivately(Path file) throws IdentityException {
        try {
            PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new IdentityException("The device identity key file " + file + " is not a regular file. "
                        + "Point identity_key_file in connect.conf at the identity's private key (PEM).");
            }
            Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
            open.addAll(attributes.permissions());
            open.retainAll(NOT_FOR_OTHERS);
            if (!open.isEmpty()) {
                throw new IdentityException("The device identity key file " + file + " is open to other users "
                        + "(mode " + mode(attributes.permissions()) + "), so it is not used: a private key must be "
                        + "readable by its owner only. Run chmod 600 " + file + ", then rpi-connect signin.");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IdentityException("The device identity key file " + file + " (identity_key_file in "
                    + "connect.conf) does not exist. Put the identity's private key there (PEM, mode 0600), or "
                    + "remove the setting.");
        } catch (AccessDeniedException e) {
            throw new IdentityException("The device identity key file " + file + " cannot be read by this user "
                    + "(permission denied). It must belong to the user rpi-connectd runs as, with mode 0600.");
        } catch (IOException e) {
            throw new IdentityException("The device identity key file " + file + " cannot be read ("
                    + e.getMessage() + "). Check it, then run rpi-connect signin.");
        }
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
            if (pkcs8 != null) return Base64.getMimeDecoder().decode(pkcs8);
            String sec1 = block(pem, SEC1);
            if (sec1 != null) return EcEncodings.pkcs8FromSec1(Base64.getMimeDecoder().decode(sec1));
        } catch (IllegalArgumentException e) {
            throw new IdentityException("The device identity key file " + file + " is not valid PEM (its body is "
                    + "not base64). Make a new key with: " + MAKE_ONE + file);
        }
        throw new IdentityException("The device identity key file " + file + " holds no PEM private key (expected "
                + "-----BEGIN PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----). Make one with: " + MAKE_ONE
                + file);
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

    private static String mode(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission p : permissions) bits |= 1 << (8 - p.ordinal());
        return String.format("%04o", bits);
    }
}
