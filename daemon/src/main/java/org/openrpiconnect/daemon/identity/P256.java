package org.openrpiconnect.daemon.identity;

import org.openrpiconnect.protocol.device.RequestSignature;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;

/**
 * The curve of device identities. The JDK cannot give the public half of a private key, and a key file need not
 * carry it (the JDK's own PKCS#8 encoding leaves it out), so it is computed here: d x G in affine coordinates. Runs
 * once per sign-in on the device's own key; the result is checked by a signature round trip before use.
 */
final class P256 {
    private static final ECParameterSpec PARAMS = params();

    private P256() {}

    static boolean isP256(ECPrivateKey key) {
        ECParameterSpec p = key.getParams();
        return p != null && p.getOrder().equals(PARAMS.getOrder()) && p.getGenerator().equals(PARAMS.getGenerator())
                && p.getCurve().equals(PARAMS.getCurve());
    }

    /** The public key of {@code key} (a P-256 key, see {@link #isP256}), proven to match it. */
    static PublicKey publicKeyOf(ECPrivateKey key) throws GeneralSecurityException {
        ECPoint w = multiply(PARAMS.getGenerator(), key.getS());
        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, PARAMS));
        String probe = "rpi-connect identity key check";
        if (!RequestSignature.verify(pub, probe, RequestSignature.sign((PrivateKey) key, probe))) {
            throw new GeneralSecurityException("the computed public key does not match the private key");
        }
        return pub;
    }

    private static ECPoint multiply(ECPoint g, BigInteger k) {
        ECPoint result = ECPoint.POINT_INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            result = add(result, result);
            if (k.testBit(i)) result = add(result, g);
        }
        return result;
    }

    private static ECPoint add(ECPoint a, ECPoint b) {
        if (a.equals(ECPoint.POINT_INFINITY)) return b;
        if (b.equals(ECPoint.POINT_INFINITY)) return a;
        BigInteger p = ((ECFieldFp) PARAMS.getCurve().getField()).getP();
        BigInteger lambda;
        if (a.getAffineX().equals(b.getAffineX())) {
            if (a.getAffineY().add(b.getAffineY()).mod(p).signum() == 0) return ECPoint.POINT_INFINITY;
            BigInteger x = a.getAffineX();
            lambda = x.pow(2).multiply(BigInteger.valueOf(3)).add(PARAMS.getCurve().getA())
                    .multiply(a.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = b.getAffineY().subtract(a.getAffineY())
                    .multiply(b.getAffineX().subtract(a.getAffineX()).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.pow(2).subtract(a.getAffineX()).subtract(b.getAffineX()).mod(p);
        BigInteger y3 = lambda.multiply(a.getAffineX().subtract(x3)).subtract(a.getAffineY()).mod(p);
        return new ECPoint(x3, y3);
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
