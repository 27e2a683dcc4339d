package org.openrpiconnect.daemon.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.config.ConnectConf;
import org.openrpiconnect.daemon.testing.FakeFwCrypto;
import org.openrpiconnect.protocol.device.DeviceKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentitySourceTest {
    @TempDir
    Path tmp;

    private ConnectConf conf(String text) throws Exception {
        Path f = tmp.resolve("connect.conf");
        Files.writeString(f, text);
        return ConnectConf.load(List.of(f));
    }

    @Test
    void no_key_file_and_no_rpi_fw_crypto_means_no_identity() throws Exception {
        IdentitySource source = IdentitySource.from(conf(""), Map.of("PATH", tmp.toString()));

        assertFalse(source.present());
        assertTrue(source.signer().isEmpty());
        assertEquals("none", source.describe());
    }

    @Test
    void rpi_fw_crypto_is_found_on_the_daemons_path_when_executable() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path tool = FakeFwCrypto.failing(bin);

        IdentitySource source = IdentitySource.from(conf(""), Map.of("PATH", empty + ":" + bin));

        assertInstanceOf(OtpSigner.class, source.signer().orElseThrow());
        assertEquals("the OTP key through " + tool, source.describe());

        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rw-------"));
        assertFalse(IdentitySource.from(conf(""), Map.of("PATH", bin.toString())).present(), "not executable");
    }

    @Test
    void configured_key_file_wins_over_the_otp_key() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        FakeFwCrypto.failing(bin);
        Path key = tmp.resolve("identity.pem");
        OpensslKeys.pkcs8(key);

        IdentitySource source = IdentitySource.from(conf("identity_key_file=" + key + "\n"),
                Map.of("PATH", bin.toString()));

        IdentitySigner signer = source.signer().orElseThrow();
        assertInstanceOf(KeyFileSigner.class, signer);
        assertTrue(signer.configured());
    }
}
