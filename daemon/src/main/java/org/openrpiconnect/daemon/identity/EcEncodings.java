package org.openrpiconnect.daemon.identity;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The few DER shapes of P-256 keys and signatures that other tools write and the JDK does not read directly:
 * an OpenSSL "EC PRIVATE KEY" (SEC1) wrapped into PKCS#8, a bare public point wrapped into SubjectPublicKeyInfo,
 * a bare r||s signature turned into the DER SEQUENCE of two INTEGERs.
 */
final class EcEncodings {
    /** SEQUENCE { id-ecPublicKey, prime256v1 }: the algorithm of every P-256 key. */
    private static final byte[] P256_ALGORITHM = HexFormat.of().parseHex("301306072a8648ce3d020106082a8648ce3d030107");
    private static final int COORDINATE_BYTES = 32;
    private static final byte UNCOMPRESSED_POINT = 0x04;

    private EcEncodings() {}

    /** PKCS#8 PrivateKeyInfo around a SEC1 ECPrivateKey (which may omit its curve: it is given here). */
    static byte[] pkcs8FromSec1(byte[] sec1) {
        return sequence(concat(new byte[] {0x02, 0x01, 0x00}, P256_ALGORITHM, tagged((byte) 0x04, sec1)));
    }

    /**
     * SubjectPublicKeyInfo DER for a public key given as SubjectPublicKeyInfo already (returned as is), as an
     * uncompressed point (0x04 || x || y), or as bare x || y; null when it is none of these.
     */
    static byte[] subjectPublicKeyInfo(byte[] key) {
        if (key.length > 2 && key[0] == 0x30) return key;
        byte[] point;
        if (key.length == 1 + 2 * COORDINATE_BYTES && key[0] == UNCOMPRESSED_POINT) {
            point = key;
        } else if (key.length == 2 * COORDINATE_BYTES) {
            point = concat(new byte[] {UNCOMPRESSED_POINT}, key);
        } else {
            return null;
        }
        // BIT STRING: a leading byte of 0 unused bits, then the point.
        return sequence(concat(P256_ALGORITHM, tagged((byte) 0x03, concat(new byte[] {0}, point))));
    }

    /** A DER signature as is; a bare r || s (64 bytes) as DER; null when it is neither. */
    static byte[] derSignature(byte[] signature) {
        if (isDerSequence(signature)) return signature;
        if (signature.length != 2 * COORDINATE_BYTES) return null;
        byte[] r = new BigInteger(1, Arrays.copyOfRange(signature, 0, COORDINATE_BYTES)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(signature, COORDINATE_BYTES, signature.length)).toByteArray();
        return sequence(concat(tagged((byte) 0x02, r), tagged((byte) 0x02, s)));
    }

    private static boolean isDerSequence(byte[] b) {
        return b.length > 2 && b[0] == 0x30 && (b[1] & 0xff) == b.length - 2;
    }

    private static byte[] sequence(byte[] content) {
        return tagged((byte) 0x30, content);
    }

    private static byte[] tagged(byte tag, byte[] content) {
        return concat(new byte[] {tag}, length(content.length), content);
    }

    private static byte[] length(int n) {
        if (n < 0x80) return new byte[] {(byte) n};
        if (n <= 0xff) return new byte[] {(byte) 0x81, (byte) n};
        return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
