package org.openrpiconnect.daemon.identity;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/** The curve of device identities: whether a key is on it, and a public key from its encoded point. */
final class P256 {
    private static final ECParameterSpec PARAMS = params();
    private static final int COORDINATE_BYTES = 32;
    private static final byte UNCOMPRESSED = 0x04;

    private P256() {}

    static boolean isP256(ECPrivateKey key) {
        ECParameterSpec p = key.getParams();
        return p != null && p.getOrder().equals(PARAMS.getOrder()) && p.getGenerator().equals(PARAMS.getGenerator())
                && p.getCurve().equals(PARAMS.getCurve());
    }

    /** True for a point in compressed form (0x02 or 0x03 || x), which the JDK cannot decode. */
    static boolean isCompressed(byte[] point) {
        return point.length == 1 + COORDINATE_BYTES && (point[0] == 0x02 || point[0] == 0x03);
    }

    /**
     * The public key of an uncompressed point (0x04 || x || y). The JDK's KeyFactory takes any coordinates, so the
     * curve equation is checked here (public data only: nothing secret goes through this arithmetic).
     */
    static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
        if (point.length != 1 + 2 * COORDINATE_BYTES || point[0] != UNCOMPRESSED) {
            throw new GeneralSecurityException("its public key is not an uncompressed P-256 point");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + COORDINATE_BYTES));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + COORDINATE_BYTES, point.length));
        if (!onCurve(x, y)) throw new GeneralSecurityException("its public key is not a point on P-256");
        return (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), PARAMS));
    }

    /** y^2 = x^3 + ax + b (mod p), with both coordinates in the field. */
    private static boolean onCurve(BigInteger x, BigInteger y) {
        BigInteger p = ((ECFieldFp) PARAMS.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) return false;
        BigInteger right = x.pow(3).add(PARAMS.getCurve().getA().multiply(x)).add(PARAMS.getCurve().getB()).mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    private static ECParameterSpec params() {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no P-256 curve", e);
        }
    }
}
