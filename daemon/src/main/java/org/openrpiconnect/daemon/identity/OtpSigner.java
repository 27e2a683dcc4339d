package org.openrpiconnect.daemon.identity;

import org.openrpiconnect.protocol.device.DeviceKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Raspberry Pi's own device identity: the private key in OTP memory, used through the firmware by
 * {@code rpi-fw-crypto} (which never reveals it). {@code rpi-fw-crypto pubkey --key-id 1} writes the public key
 * (DER), {@code rpi-fw-crypto sign --in FILE --key-id 1 --alg ec} the signature (DER) of FILE's SHA-256, as seed
 * 001 shows. Bare points and r||s signatures are accepted too.
 */
public final class OtpSigner implements IdentitySigner {
    /** The OTP key slot of the device identity (seed 001 signs with {@code --key-id 1}). */
    public static final int KEY_ID = 1;
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Path executable;
    private final Duration timeout;

    public OtpSigner(Path executable) {
        this(executable, TIMEOUT);
    }

    OtpSigner(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    @Override
    public String publicKeyPem() throws IdentityException {
        byte[] out = run(List.of("pubkey", "--key-id", Integer.toString(KEY_ID)), null);
        String text = new String(out, StandardCharsets.US_ASCII);
        int pemStart = text.indexOf("-----BEGIN PUBLIC KEY-----");
        try {
            PublicKey key;
            if (pemStart >= 0) {
                key = DeviceKeys.parsePublicKey(text.substring(pemStart));
            } else {
                byte[] spki = EcEncodings.subjectPublicKeyInfo(out);
                if (spki == null) throw unreadable("public key", out.length);
                key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
            }
            // Written and parsed again: the cloud gets one canonical PEM, and a key that is not P-256 stops here.
            return DeviceKeys.publicKeyPem(DeviceKeys.parsePublicKey(DeviceKeys.publicKeyPem(key)));
        } catch (DeviceKeys.InvalidKeyException | GeneralSecurityException e) {
            throw new IdentityException(executable + " pubkey gave a key that is not EC P-256 (" + e.getMessage()
                    + "): this board's OTP key cannot be a Raspberry Pi Connect device identity.");
        }
    }

    @Override
    public String sign(String canonical) throws IdentityException {
        byte[] out = run(List.of("sign", "--in", "{payload}", "--key-id", Integer.toString(KEY_ID), "--alg", "ec"),
                canonical.getBytes(StandardCharsets.UTF_8));
        byte[] der = EcEncodings.derSignature(out);
        if (der == null) throw unreadable("signature", out.length);
        return Base64.getEncoder().encodeToString(der);
    }

    @Override
    public boolean configured() {
        return false;
    }

    @Override
    public String description() {
        return "the OTP key " + KEY_ID + " (" + executable + ")";
    }

    @Override
    public String toString() {
        return "OtpSigner[" + executable + "]";
    }

    /**
     * Runs the tool with {@code args} ({@code {payload}} replaced by a file holding {@code payload}) in a private
     * temporary folder; returns its standard output.
     */
    private byte[] run(List<String> args, byte[] payload) throws IdentityException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rpi-connect-otp-"); // 0700
            List<String> command = new ArrayList<>();
            command.add(executable.toString());
            for (String a : args) command.add(a.equals("{payload}") ? dir.resolve("payload").toString() : a);
            if (payload != null) Files.write(dir.resolve("payload"), payload);
            Path out = dir.resolve("out");
            Path err = dir.resolve("err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close(); // it reads no input
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IdentityException(executable + " " + args.get(0) + " did not answer within "
                        + timeout.toSeconds() + " s.");
            }
            if (p.exitValue() != 0) {
                String reason = Files.readString(err, StandardCharsets.UTF_8).strip().replaceAll("\\s*\n\\s*", "; ");
                throw new IdentityException(executable + " " + args.get(0) + " failed (exit " + p.exitValue()
                        + (reason.isEmpty() ? "" : ": " + reason) + ").");
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new IdentityException("Cannot run " + executable + " (" + e.getMessage() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException(executable + " was interrupted.");
        } finally {
            deleteQuietly(dir);
        }
    }

    private IdentityException unreadable(String what, int length) {
        return new IdentityException(executable + " wrote a " + what + " of " + length + " bytes in a form "
                + "rpi-connectd does not know (expected DER).");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder holds nothing secret
        }
    }
}
