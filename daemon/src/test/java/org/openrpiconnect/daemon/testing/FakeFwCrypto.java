package org.openrpiconnect.daemon.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Stand-ins for {@code rpi-fw-crypto} (not on this machine): shell scripts named like it that answer like it.
 * {@link #install} keeps its "OTP" key in a PEM file and does with it, through openssl, what the real tool does
 * with the key in OTP: {@code pubkey --key-id 1} writes the public key as DER, {@code sign --in FILE --key-id 1
 * --alg ec} the DER signature of FILE's SHA-256.
 */
public final class FakeFwCrypto {
    public static final String NAME = "rpi-fw-crypto";

    private FakeFwCrypto() {}

    public static Path install(Path dir, Path keyFile) throws IOException {
        return script(dir, "#!/bin/sh\n"
                + "KEY='" + keyFile + "'\n"
                + "if [ \"$1\" = pubkey ] && [ \"$2\" = --key-id ] && [ \"$3\" = 1 ]; then\n"
                + "  exec /usr/bin/openssl pkey -in \"$KEY\" -pubout -outform DER\n"
                + "fi\n"
                + "if [ \"$1\" = sign ] && [ \"$2\" = --in ] && [ \"$4\" = --key-id ] && [ \"$5\" = 1 ] "
                + "&& [ \"$6\" = --alg ] && [ \"$7\" = ec ]; then\n"
                + "  exec /usr/bin/openssl dgst -sha256 -sign \"$KEY\" \"$3\"\n"
                + "fi\n"
                + "echo \"Usage: $0 <command> [args]\" >&2\n"
                + "exit 1\n");
    }

    /** A board whose OTP slot holds no key: every command fails as the real tool does. */
    public static Path failing(Path dir) throws IOException {
        return script(dir, "#!/bin/sh\necho 'Failed to get public key: Key not found' >&2\nexit 255\n");
    }

    public static Path script(Path dir, String text) throws IOException {
        Path s = dir.resolve(NAME);
        Files.writeString(s, text);
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }
}
