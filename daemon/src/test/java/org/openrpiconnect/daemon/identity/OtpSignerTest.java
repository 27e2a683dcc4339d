package org.openrpiconnect.daemon.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.FakeFwCrypto;
import org.openrpiconnect.protocol.device.DeviceKeys;
import org.openrpiconnect.protocol.device.RequestSignature;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link OtpSigner} against stand-ins for {@code rpi-fw-crypto}: shell scripts that answer like it. */
class OtpSignerTest {
    private static final String CANONICAL = "POST\n/api/v1/device/signin/identity\n1700000000\nserial\n\nabc";

    @TempDir
    Path tmp;

    private Path keyFile(KeyPair keys) throws Exception {
        Path f = tmp.resolve("otp.pem");
        Files.writeString(f, DeviceKeys.privateKeyPem(keys.getPrivate()));
        return f;
    }

    @Test
    void public_key_and_signatures_come_from_rpi_fw_crypto_in_der() throws Exception {
        KeyPair otp = DeviceKeys.generate();
        OtpSigner signer = new OtpSigner(FakeFwCrypto.install(tmp, keyFile(otp)));

        assertEquals(DeviceKeys.publicKeyPem(otp.getPublic()), signer.publicKeyPem());
        assertTrue(RequestSignature.verify(otp.getPublic(), CANONICAL, signer.sign(CANONICAL)));
        assertFalse(RequestSignature.verify(otp.getPublic(), CANONICAL + "x", signer.sign(CANONICAL)));
        assertFalse(signer.configured(), "the board's own key is optional");
    }

    @Test
    void bare_point_and_bare_r_s_signature_are_understood() throws Exception {
        KeyPair otp = DeviceKeys.generate();
        ECPublicKey pub = (ECPublicKey) otp.getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copyUnsigned(pub.getW().getAffineX(), point, 1);
        copyUnsigned(pub.getW().getAffineY(), point, 33);
        Files.write(tmp.resolve("point"), point);
        Files.write(tmp.resolve("rs"), rawSignature(Base64.getDecoder().decode(
                RequestSignature.sign(otp.getPrivate(), CANONICAL))));
        OtpSigner signer = new OtpSigner(FakeFwCrypto.script(tmp, "#!/bin/sh\n"
                + "[ \"$1\" = pubkey ] && exec cat '" + tmp.resolve("point") + "'\n"
                + "exec cat '" + tmp.resolve("rs") + "'\n"));

        assertEquals(DeviceKeys.publicKeyPem(otp.getPublic()), signer.publicKeyPem());
        assertTrue(RequestSignature.verify(otp.getPublic(), CANONICAL, signer.sign(CANONICAL)));
    }

    @Test
    void failing_tool_is_reported_with_its_own_words() throws Exception {
        OtpSigner signer = new OtpSigner(FakeFwCrypto.failing(tmp));

        IdentityException e = assertThrows(IdentityException.class, signer::publicKeyPem);

        assertEquals(tmp.resolve(FakeFwCrypto.NAME) + " pubkey failed (exit 255: Failed to get public key: Key not "
                + "found).", e.getMessage());
    }

    @Test
    void tool_that_hangs_is_given_up_on() throws Exception {
        OtpSigner signer = new OtpSigner(FakeFwCrypto.script(tmp, "#!/bin/sh\nexec sleep 30\n"),
                Duration.ofSeconds(1));

        IdentityException e = assertThrows(IdentityException.class, () -> signer.sign(CANONICAL));

        assertTrue(e.getMessage().endsWith(" sign did not answer within 1 s."), e.getMessage());
    }

    @Test
    void output_that_is_no_key_is_refused() throws Exception {
        OtpSigner signer = new OtpSigner(FakeFwCrypto.script(tmp, "#!/bin/sh\necho hello\n"));

        IdentityException e = assertThrows(IdentityException.class, signer::publicKeyPem);

        assertTrue(e.getMessage().contains("wrote a public key of 6 bytes in a form rpi-connectd does not know"),
                e.getMessage());
    }

    /** DER SEQUENCE { INTEGER r, INTEGER s } to r || s, 32 bytes each. */
    private static byte[] rawSignature(byte[] der) {
        int rLen = der[3];
        byte[] r = Arrays.copyOfRange(der, 4, 4 + rLen);
        int sLen = der[5 + rLen];
        byte[] s = Arrays.copyOfRange(der, 6 + rLen, 6 + rLen + sLen);
        byte[] raw = new byte[64];
        copyUnsigned(new BigInteger(1, r), raw, 0);
        copyUnsigned(new BigInteger(1, s), raw, 32);
        return raw;
    }

    private static void copyUnsigned(BigInteger n, byte[] into, int at) {
        byte[] b = n.toByteArray();
        int skip = b.length > 32 ? b.length - 32 : 0;
        System.arraycopy(b, skip, into, at + 32 - (b.length - skip), b.length - skip);
    }
}
