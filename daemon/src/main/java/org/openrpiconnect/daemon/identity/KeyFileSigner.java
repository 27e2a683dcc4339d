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
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.EnumSet;
import java.util.Set;

/**
 * A device identity whose private key is a PEM file ({@code identity_key_file=} in connect.conf), for machines
 * without the Raspberry Pi OTP key and for tests. The file must be readable by its owner only, like an SSH key:
 * anything else is refused. What the file must hold is {@link KeyFilePem}'s rule.
 */
public final class KeyFileSigner implements IdentitySigner {
    private static final Set<PosixFilePermission> NOT_FOR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

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
        KeyPair keys = KeyFilePem.read(file, readPrivately(file));
        return new KeyFileSigner(file, keys.getPrivate(), DeviceKeys.publicKeyPem(keys.getPublic()));
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

    private static String mode(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission p : permissions) bits |= 1 << (8 - p.ordinal());
        return String.format("%04o", bits);
    }
}
