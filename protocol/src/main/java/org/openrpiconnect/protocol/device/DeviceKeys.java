package org.openrpiconnect.protocol.device;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** EC P-256 keys of devices: generation and PEM encoding (SubjectPublicKeyInfo / PKCS#8), with the JDK only. */
public final class DeviceKeys {
    private static final String PUBLIC_HEADER = "-----BEGIN PUBLIC KEY-----";
    private static final String PUBLIC_FOOTER = "-----END PUBLIC KEY-----";
    private static final String PRIVATE_HEADER = "-----BEGIN PRIVATE KEY-----";
    private static final String PRIVATE_FOOTER = "-----END PRIVATE KEY-----";

    private DeviceKeys() {}

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make EC P-256 keys", e);
        }
    }

    public static String publicKeyPem(PublicKey key) {
        return pem(PUBLIC_HEADER, key.getEncoded(), PUBLIC_FOOTER);
    }

    public static String privateKeyPem(PrivateKey key) {
        return pem(PRIVATE_HEADER, key.getEncoded(), PRIVATE_FOOTER);
    }

    /** Parses a PEM public key and checks that it is an EC key on P-256. */
    public static PublicKey parsePublicKey(String pem) throws InvalidKeyException {
        byte[] der = der(pem, PUBLIC_HEADER, PUBLIC_FOOTER);
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new InvalidKeyException("not an EC P-256 public key");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidKeyException("not an EC P-256 public key");
        }
    }

    public static PrivateKey parsePrivateKey(String pem) throws InvalidKeyException {
        byte[] der = der(pem, PRIVATE_HEADER, PRIVATE_FOOTER);
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidKeyException("not an EC private key");
        }
    }

    private static String pem(String header, byte[] der, String footer) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return header + "\n" + body + "\n" + footer + "\n";
    }

    private static byte[] der(String pem, String header, String footer) throws InvalidKeyException {
        if (pem == null) throw new InvalidKeyException("no key given");
        String s = pem.trim();
        if (!s.startsWith(header) || !s.endsWith(footer)) {
            throw new InvalidKeyException("expected a PEM block starting with " + header);
        }
        String b64 = withoutWhitespace(s.substring(header.length(), s.length() - footer.length()));
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("the PEM body is not valid base64");
        }
    }

    // By hand rather than replaceAll("\\s", ""): no regular expression engine loaded for every daemon's key.
    private static String withoutWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) out.append(c);
        }
        return out.toString();
    }

    public static final class InvalidKeyException extends Exception {
        public InvalidKeyException(String message) {
            super(message);
        }
    }
}
