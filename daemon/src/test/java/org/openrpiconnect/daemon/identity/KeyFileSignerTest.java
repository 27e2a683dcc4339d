package org.openrpiconnect.daemon.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.RequestSignature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyFileSignerTest {
    @TempDir
    Path tmp;

    private Path privateFile(String name, String content) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private static void assertSignsFor(PublicKey expected, KeyFileSigner signer) throws Exception {
        assertEquals(expected, DeviceKeys.parsePublicKey(signer.publicKeyPem()));
        String canonical = "POST\n/api/v1/device/signin/identity\n1700000000\nserial\n\nabc";
        assertTrue(RequestSignature.verify(expected, canonical, signer.sign(canonical)));
    }

    @Test
    void pkcs8_key_file_signs_and_gives_the_matching_public_key() throws Exception {
        // The JDK's PKCS#8 leaves the public key out: it is computed; several keys, to cover more scalars.
        for (int i = 0; i < 20; i++) {
            KeyPair keys = DeviceKeys.generate();
            Path file = privateFile("identity-" + i + ".pem", DeviceKeys.privateKeyPem(keys.getPrivate()));

            assertSignsFor(keys.getPublic(), KeyFileSigner.load(file));
        }
    }

    @Test
    void openssl_keys_are_accepted_in_sec1_with_parameters_and_in_pkcs8() throws Exception {
        Path sec1 = tmp.resolve("sec1.pem");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", sec1.toString());
        Path pkcs8 = tmp.resolve("pkcs8.pem");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", pkcs8.toString());
        for (Path file : new Path[] {sec1, pkcs8}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Path pub = tmp.resolve(file.getFileName() + ".pub");
            openssl("pkey", "-in", file.toString(), "-pubout", "-out", pub.toString());

            assertSignsFor(DeviceKeys.parsePublicKey(Files.readString(pub)), KeyFileSigner.load(file));
        }
    }

    @Test
    void key_file_open_to_other_users_is_refused_with_its_mode_and_the_fix() throws Exception {
        Path file = privateFile("identity.pem", DeviceKeys.privateKeyPem(DeviceKeys.generate().getPrivate()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        IdentityException e = assertThrows(IdentityException.class, () -> KeyFileSigner.load(file));

        assertEquals("The device identity key file " + file + " is open to other users (mode 0640), so it is not "
                + "used: a private key must be readable by its owner only. Run chmod 600 " + file + ", then "
                + "rpi-connect signin.", e.getMessage());
    }

    @Test
    void world_readable_key_file_is_refused_too() throws Exception {
        Path file = privateFile("identity.pem", DeviceKeys.privateKeyPem(DeviceKeys.generate().getPrivate()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));

        IdentityException e = assertThrows(IdentityException.class, () -> KeyFileSigner.load(file));

        assertTrue(e.getMessage().contains("(mode 0604)"), e.getMessage());
    }

    @Test
    void missing_key_file_says_where_it_was_looked_for() {
        Path file = tmp.resolve("nope.pem");

        IdentityException e = assertThrows(IdentityException.class, () -> KeyFileSigner.load(file));

        assertTrue(e.getMessage().startsWith("The device identity key file " + file + " (identity_key_file in "
                + "connect.conf) does not exist."), e.getMessage());
    }

    @Test
    void file_without_a_private_key_says_what_was_expected_and_how_to_make_one() throws Exception {
        Path file = privateFile("identity.pem", DeviceKeys.publicKeyPem(DeviceKeys.generate().getPublic()));

        IdentityException e = assertThrows(IdentityException.class, () -> KeyFileSigner.load(file));

        assertTrue(e.getMessage().contains("holds no PEM private key (expected -----BEGIN PRIVATE KEY----- or "
                + "-----BEGIN EC PRIVATE KEY-----)"), e.getMessage());
        assertTrue(e.getMessage().contains("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "
                + file), e.getMessage());
    }

    @Test
    void key_on_another_curve_is_refused() throws Exception {
        Path file = tmp.resolve("p384.pem");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", file.toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        IdentityException e = assertThrows(IdentityException.class, () -> KeyFileSigner.load(file));

        assertTrue(e.getMessage().contains("holds a key that is not EC P-256"), e.getMessage());
    }

    @Test
    void encrypted_key_file_is_refused_with_how_to_decrypt_it() throws Exception {
        Path file = tmp.resolve("encrypted.pem");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes256", "-pass",
                "pass:test-passphrase", "-out", file.toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        IdentityException e = assertThrows(IdentityException.class, () -> KeyFileSigner.load(file));

        assertTrue(e.getMessage().contains("is encrypted with a passphrase"), e.getMessage());
    }

    @Test
    void description_names_the_file_and_never_the_key() throws Exception {
        String pem = DeviceKeys.privateKeyPem(DeviceKeys.generate().getPrivate());
        Path file = privateFile("identity.pem", pem);
        KeyFileSigner signer = KeyFileSigner.load(file);

        assertEquals("the key file " + file, signer.description());
        String body = pem.lines().skip(1).findFirst().orElseThrow();
        assertTrue(!signer.toString().contains(body) && signer.configured());
    }

    static void openssl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + out);
        }
    }
}
