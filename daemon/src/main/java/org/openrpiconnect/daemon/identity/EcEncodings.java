package org.openrpiconnect.daemon.identity;

import org.openrpiconnect.daemon.identity.DerReader.DerException;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The few DER shapes of P-256 keys and signatures that other tools write and the JDK does not read directly:
 * an OpenSSL "EC PRIVATE KEY" (SEC1) wrapped into PKCS#8, a bare public point wrapped into SubjectPublicKeyInfo,
 * a bare r||s signature turned into the DER SEQUENCE of two INTEGERs; and, read back, the public point a private
 * key file carries.
 */
final class EcEncodings {
    /** The OBJECT IDENTIFIER id-ecPublicKey: the algorithm of every EC key. */
    private static final byte[] EC_PUBLIC_KEY = HexFormat.of().parseHex("06072a8648ce3d0201");
    /** The OBJECT IDENTIFIER prime256v1 (P-256): the parameters of an EC key on that curve. */
    private static final byte[] P256_CURVE = HexFormat.of().parseHex("06082a8648ce3d030107");
    /** SEQUENCE { id-ecPublicKey, prime256v1 }: the algorithm of every P-256 key. */
    private static final byte[] P256_ALGORITHM = sequence(concat(EC_PUBLIC_KEY, P256_CURVE));
    private static final int COORDINATE_BYTES = 32;
    private static final byte UNCOMPRESSED_POINT = 0x04;

    private EcEncodings() {}

    /**
     * PKCS#8 PrivateKeyInfo around a SEC1 ECPrivateKey, with the curve the key names in its [0] parameters, or
     * P-256 when it names none.
     */
    static byte[] pkcs8FromSec1(byte[] sec1) throws DerException {
        DerReader key = DerReader.of(sec1, DerReader.SEQUENCE);
        key.read(DerReader.INTEGER);
        key.read(DerReader.OCTET_STRING);
        byte[] algorithm = key.next(DerReader.context(0))
                ? sequence(concat(EC_PUBLIC_KEY, key.read(DerReader.context(0)).rest()))
                : P256_ALGORITHM;
        return sequence(concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tagged((byte) 0x04, sec1)));
    }

    /** The SEC1 ECPrivateKey inside a PKCS#8 PrivateKeyInfo of an EC key (its attributes, if any, are not read). */
    static byte[] sec1OfPkcs8(byte[] pkcs8) throws DerException {
        DerReader info = DerReader.of(pkcs8, DerReader.SEQUENCE);
        info.read(DerReader.INTEGER);
        info.read(DerReader.SEQUENCE);
        return info.read(DerReader.OCTET_STRING).rest();
    }

    /**
     * The public point (0x04 || x || y when uncompressed) in the optional [1] field of a SEC1 ECPrivateKey
     * { version, privateKey, [0] parameters OPTIONAL, [1] publicKey OPTIONAL } of a P-256 key (parameters naming
     * another curve contradict that); null when the key leaves the point out.
     */
    static byte[] publicPointOfSec1(byte[] sec1) throws DerException {
        DerReader key = DerReader.of(sec1, DerReader.SEQUENCE);
        key.read(DerReader.INTEGER);
        key.read(DerReader.OCTET_STRING);
        if (key.next(DerReader.context(0)) && !Arrays.equals(key.read(DerReader.context(0)).rest(), P256_CURVE)) {
            throw new DerException("names another curve than P-256 in its parameters");
        }
        if (!key.next(DerReader.context(1))) {
            key.end();
            return null;
        }
        DerReader field = key.read(DerReader.context(1));
        key.end();
        byte[] bits = field.read(DerReader.BIT_STRING).rest();
        field.end();
        // A BIT STRING starts with its count of unused bits, 0 for a point.
        if (bits.length < 2 || bits[0] != 0) throw new DerException("has a public key that is not a whole point");
        return Arrays.copyOfRange(bits, 1, bits.length);
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
