package org.openrpiconnect.daemon.identity;

import org.openrpiconnect.daemon.StartupException;
import org.openrpiconnect.daemon.config.ConnectConf;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where this device's identity comes from: the key file configured with {@code identity_key_file=} (an operator's
 * explicit choice wins), else the board's OTP key through {@code rpi-fw-crypto} when that is on PATH, else none.
 * The key file is read again at each use, so fixing it (e.g. its mode) needs no restart.
 */
public final class IdentitySource {
    public static final String FW_CRYPTO = "rpi-fw-crypto";

    private final Path keyFile;
    private final Path fwCrypto;

    IdentitySource(Path keyFile, Path fwCrypto) {
        this.keyFile = keyFile;
        this.fwCrypto = fwCrypto;
    }

    public static IdentitySource none() {
        return new IdentitySource(null, null);
    }

    /** @param env the daemon's environment (its PATH is searched for rpi-fw-crypto) */
    public static IdentitySource from(ConnectConf conf, Map<String, String> env) throws StartupException {
        Path keyFile = null;
        var setting = conf.get(ConnectConf.IDENTITY_KEY_FILE);
        if (setting.isPresent() && !setting.get().value().isBlank()) {
            keyFile = Path.of(setting.get().value());
            if (!keyFile.isAbsolute()) {
                throw new StartupException("The setting " + setting.get().source() + " is '" + setting.get().value()
                        + "', but it must be an absolute path to the device identity's private key (PEM), like "
                        + "identity_key_file=/home/pi/.config/com.raspberrypi.connect/identity.pem. Fix it and start "
                        + "rpi-connectd again.");
            }
        }
        return new IdentitySource(keyFile, findOnPath(env.get("PATH"), FW_CRYPTO).orElse(null));
    }

    /** The identity to sign in with, if this device has one. */
    public Optional<IdentitySigner> signer() throws IdentityException {
        if (keyFile != null) return Optional.of(KeyFileSigner.load(keyFile));
        if (fwCrypto != null) return Optional.of(new OtpSigner(fwCrypto));
        return Optional.empty();
    }

    /** For the start-up log line. */
    public String describe() {
        if (keyFile != null) return "the key file " + keyFile;
        if (fwCrypto != null) return "the OTP key through " + fwCrypto;
        return "none";
    }

    /** True when an identity is configured or the tool to use the OTP one is there. */
    public boolean present() {
        return keyFile != null || fwCrypto != null;
    }

    static Optional<Path> findOnPath(String path, String name) {
        if (path == null || path.isBlank()) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
