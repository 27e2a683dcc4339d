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
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class KeyFileSignerTest {
    private static final String MAKE_ONE = "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ";
    /** The size of an uncompressed P-256 point, the last field of every SEC1 key openssl writes. */
    private static final int POINT_BYTES = 65;

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

    private static String refusal(Path file) {
        return assertThrows(IdentityException.class, () -> KeyFileSigner.load(file)).getMessage();
    }

    private static byte[] der(Path pemFile) throws Exception {
        String pem = Files.readString(pemFile);
        return Base64.getMimeDecoder().decode(pem.substring(pem.indexOf('\n', pem.lastIndexOf("-----BEGIN")) + 1,
                pem.indexOf("-----END")));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    @Test
    void openssl_pkcs8_key_signs_and_gives_the_public_key_the_file_holds() throws Exception {
        Path file = tmp.resolve("pkcs8.pem");
        KeyPair keys = OpensslKeys.pkcs8(file);

        assertSignsFor(keys.getPublic(), KeyFileSigner.load(file));
    }

    @Test
    void openssl_sec1_keys_with_and_without_the_curve_parameters_block_sign_and_give_their_public_key()
            throws Exception {
        Path bare = tmp.resolve("sec1.pem");
        KeyPair bareKeys = OpensslKeys.sec1(bare);
        Path withParameters = tmp.resolve("sec1-parameters.pem");
        OpensslKeys.run("ecparam", "-name", "prime256v1", "-genkey", "-out", withParameters.toString());
        assertTrue(Files.readString(withParameters).startsWith("-----BEGIN EC PARAMETERS-----"));

        assertSignsFor(bareKeys.getPublic(), KeyFileSigner.load(bare));
        assertSignsFor(OpensslKeys.keyPairOf(withParameters).getPublic(), KeyFileSigner.load(withParameters));
    }

    @Test
    void key_written_by_java_without_its_public_key_is_refused_with_a_command_that_adds_it_and_that_works()
            throws Exception {
        KeyPair keys = DeviceKeys.generate();
        Path file = privateFile("identity.pem", DeviceKeys.privateKeyPem(keys.getPrivate()));

        String message = refusal(file);

        assertEquals("The device identity key file " + file + " holds the private key without its public key, "
                + "which rpi-connectd takes from the same file. Add it with: openssl ec -in " + file + " -out "
                + "NEWFILE, then point identity_key_file at NEWFILE (or make a new key with: " + MAKE_ONE + file
                + " and register its public key).", message);
        Path fixed = tmp.resolve("fixed.pem");
        OpensslKeys.run("ec", "-in", file.toString(), "-out", fixed.toString());
        assertSignsFor(keys.getPublic(), KeyFileSigner.load(fixed));
    }

    @Test
    void openssl_key_written_without_its_public_key_is_refused_too() throws Exception {
        Path full = tmp.resolve("full.pem");
        OpensslKeys.sec1(full);
        Path file = tmp.resolve("no-public.pem");
        OpensslKeys.run("ec", "-in", full.toString(), "-no_public", "-out", file.toString());

        assertTrue(refusal(file).contains(" holds the private key without its public key"), file::toString);
    }

    @Test
    void key_file_whose_public_half_belongs_to_another_key_is_refused() throws Exception {
        Path mine = tmp.resolve("mine.pem");
        OpensslKeys.sec1(mine);
        Path other = tmp.resolve("other.pem");
        OpensslKeys.sec1(other);
        byte[] der = der(mine);
        byte[] otherDer = der(other);
        System.arraycopy(otherDer, otherDer.length - POINT_BYTES, der, der.length - POINT_BYTES, POINT_BYTES);
        Path file = privateFile("mixed.pem", pem("EC PRIVATE KEY", der));

        String message = refusal(file);

        assertEquals("The device identity key file " + file + " holds a public key that does not belong to its "
                + "private key (what the one signs, the other does not verify), so it is not used. Restore the file "
                + "as it was registered, or make a new key with: " + MAKE_ONE + file + " and register its public "
                + "key.", message);
    }

    @Test
    void public_point_off_the_curve_is_refused() throws Exception {
        Path genuine = tmp.resolve("genuine.pem");
        OpensslKeys.pkcs8(genuine);
        byte[] der = der(genuine);
        byte[] offCurve = HexFormat.of().parseHex("04" + "00".repeat(31) + "01" + "00".repeat(31) + "02");
        System.arraycopy(offCurve, 0, der, der.length - POINT_BYTES, POINT_BYTES);
        Path file = privateFile("off-curve.pem", pem("PRIVATE KEY", der));

        assertEquals("The device identity key file " + file + " is damaged: its public key is not a point on P-256. "
                + "Restore it, or make a new key with: " + MAKE_ONE + file + " and register its public key.",
                refusal(file));
    }

    @Test
    void compressed_public_key_is_refused_with_a_command_that_uncompresses_it_and_that_works() throws Exception {
        Path genuine = tmp.resolve("genuine.pem");
        KeyPair keys = OpensslKeys.sec1(genuine);
        Path file = tmp.resolve("compressed.pem");
        OpensslKeys.run("ec", "-in", genuine.toString(), "-conv_form", "compressed", "-out", file.toString());

        assertEquals("The device identity key file " + file + " holds its public key in compressed form, which "
                + "rpi-connectd cannot read. Write it uncompressed with: openssl ec -in " + file + " -conv_form "
                + "uncompressed -out NEWFILE, then point identity_key_file at NEWFILE.", refusal(file));
        Path fixed = tmp.resolve("fixed.pem");
        OpensslKeys.run("ec", "-in", file.toString(), "-conv_form", "uncompressed", "-out", fixed.toString());
        assertSignsFor(keys.getPublic(), KeyFileSigner.load(fixed));
    }

    @Test
    void truncated_key_file_is_refused_as_damaged() throws Exception {
        Path genuine = tmp.resolve("genuine.pem");
        OpensslKeys.pkcs8(genuine);
        byte[] der = der(genuine);
        Path file = privateFile("cut.pem", pem("PRIVATE KEY", Arrays.copyOf(der, der.length - 20)));

        assertEquals("The device identity key file " + file + " is damaged: its key (DER) is truncated. Restore "
                + "it, or make a new key with: " + MAKE_ONE + file + " and register its public key.", refusal(file));
    }

    @Test
    void every_cut_and_every_garbled_byte_of_both_formats_gets_a_clear_refusal_never_an_exception()
            throws Exception {
        Path pkcs8 = tmp.resolve("pkcs8.pem");
        OpensslKeys.pkcs8(pkcs8);
        Path sec1 = tmp.resolve("sec1.pem");
        OpensslKeys.sec1(sec1);
        for (String label : new String[] {"PRIVATE KEY", "EC PRIVATE KEY"}) {
            byte[] der = der(label.equals("PRIVATE KEY") ? pkcs8 : sec1);
            for (int i = 0; i < der.length; i++) {
                assertClearRefusal(label, Arrays.copyOf(der, i), "cut to " + i + " bytes");
                byte[] garbled = der.clone();
                garbled[i] ^= (byte) 0xff;
                assertClearRefusal(label, garbled, "byte " + i + " garbled");
            }
        }
    }

    private void assertClearRefusal(String label, byte[] der, String what) throws Exception {
        Path file = privateFile("broken.pem", pem(label, der));
        try {
            KeyFileSigner.load(file);
            fail(label + " " + what + " was accepted");
        } catch (IdentityException e) {
            assertTrue(e.getMessage().startsWith("The ") && e.getMessage().contains(file.toString()),
                    label + " " + what + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError(label + " " + what + " threw " + e, e);
        }
    }

    @Test
    void key_file_open_to_other_users_is_refused_with_its_mode_and_the_fix() throws Exception {
        Path file = tmp.resolve("identity.pem");
        OpensslKeys.pkcs8(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertEquals("The device identity key file " + file + " is open to other users (mode 0640), so it is not "
                + "used: a private key must be readable by its owner only. Run chmod 600 " + file + ", then "
                + "rpi-connect signin.", refusal(file));
    }

    @Test
    void world_readable_key_file_is_refused_too() throws Exception {
        Path file = tmp.resolve("identity.pem");
        OpensslKeys.sec1(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));

        assertTrue(refusal(file).contains("(mode 0604)"), file::toString);
    }

    @Test
    void missing_key_file_says_where_it_was_looked_for() {
        Path file = tmp.resolve("nope.pem");

        assertTrue(refusal(file).startsWith("The device identity key file " + file + " (identity_key_file in "
                + "connect.conf) does not exist."), file::toString);
    }

    @Test
    void file_without_a_private_key_says_what_was_expected_and_how_to_make_one() throws Exception {
        Path file = privateFile("identity.pem", DeviceKeys.publicKeyPem(DeviceKeys.generate().getPublic()));

        String message = refusal(file);

        assertTrue(message.contains("holds no PEM private key (expected -----BEGIN PRIVATE KEY----- or "
                + "-----BEGIN EC PRIVATE KEY-----)"), message);
        assertTrue(message.contains(MAKE_ONE + file), message);
    }

    @Test
    void key_on_another_curve_is_refused_in_both_formats() throws Exception {
        Path pkcs8 = tmp.resolve("p384.pem");
        OpensslKeys.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", pkcs8.toString());
        Path sec1 = tmp.resolve("p384-sec1.pem");
        OpensslKeys.run("ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", sec1.toString());

        assertTrue(refusal(pkcs8).contains("holds a key that is not EC P-256"), pkcs8::toString);
        assertTrue(refusal(sec1).contains("holds a key that is not EC P-256"), sec1::toString);
    }

    @Test
    void encrypted_key_file_is_refused_with_how_to_decrypt_it() throws Exception {
        Path file = tmp.resolve("encrypted.pem");
        OpensslKeys.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes256", "-pass",
                "pass:test-passphrase", "-out", file.toString());

        assertTrue(refusal(file).contains("is encrypted with a passphrase"), file::toString);
    }

    @Test
    void description_names_the_file_and_never_the_key() throws Exception {
        Path file = tmp.resolve("identity.pem");
        OpensslKeys.pkcs8(file);
        KeyFileSigner signer = KeyFileSigner.load(file);

        assertEquals("the key file " + file, signer.description());
        String body = Files.readString(file).lines().skip(1).findFirst().orElseThrow();
        assertTrue(!signer.toString().contains(body) && signer.configured());
    }
}
