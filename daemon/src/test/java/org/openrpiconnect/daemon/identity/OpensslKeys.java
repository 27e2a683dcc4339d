package org.openrpiconnect.daemon.identity;

import org.openrpiconnect.protocol.device.DeviceKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.TimeUnit;

/** Device identity key files made by the real openssl, as an operator makes them, and their keys as openssl reads them. */
public final class OpensslKeys {
    private OpensslKeys() {}

    /** {@code openssl genpkey}: PKCS#8 ("PRIVATE KEY"), mode 0600 as openssl writes it. */
    public static KeyPair pkcs8(Path file) throws Exception {
        run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", file.toString());
        return keyPairOf(file);
    }

    /** {@code openssl ecparam -genkey -noout}: SEC1 ("EC PRIVATE KEY"), mode 0600 as openssl writes it. */
    public static KeyPair sec1(Path file) throws Exception {
        run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", file.toString());
        return keyPairOf(file);
    }

    /** The key pair in a key file, both halves as openssl reads them (its private key re-encoded as PKCS#8). */
    public static KeyPair keyPairOf(Path file) throws Exception {
        return new KeyPair(DeviceKeys.parsePublicKey(run("pkey", "-in", file.toString(), "-pubout")),
                DeviceKeys.parsePrivateKey(run("pkey", "-in", file.toString())));
    }

    /** Runs openssl with these arguments and returns its standard output; fails the test when openssl fails. */
    public static String run(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Path errors = Files.createTempFile("openssl-", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + Files.readString(errors));
            }
            return out;
        } finally {
            Files.delete(errors);
        }
    }
}
