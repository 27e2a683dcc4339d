package org.openrpiconnect.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The value of {@code signin --auth-key}: the key itself, or {@code @FILE} whose content (trimmed) is the key. The CLI
 * reads the file itself (the daemon may not be allowed to). Error messages name the file, never the key.
 */
final class AuthKeyArgument {
    /** An auth key is a short token; anything much bigger is not an auth key file. */
    static final int MAX_FILE_BYTES = 4096;
    private static final String EXAMPLE = "for example --auth-key=@/home/alice/auth.key";

    private AuthKeyArgument() {}

    static String resolve(String value) {
        if (!value.startsWith("@")) {
            if (value.isBlank()) {
                throw new BadInputException("--auth-key is empty: pass the auth key, or @ and the full path of a file "
                        + "that holds it (" + EXAMPLE + ")");
            }
            return value.strip();
        }
        String name = value.substring(1);
        if (name.isBlank()) {
            throw new BadInputException("--auth-key=@ needs the full path of the auth key file after @ (" + EXAMPLE + ")");
        }
        return readKeyFile(Path.of(name));
    }

    static String readKeyFile(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new BadInputException("The auth key file " + file + " is larger than " + MAX_FILE_BYTES
                    + " bytes, so it is not an auth key file; check the path");
        }
        String key = new String(bytes, StandardCharsets.UTF_8).strip();
        if (key.isEmpty()) {
            throw new BadInputException("The auth key file " + file + " is empty; write the auth key into it "
                    + "(create one on the Settings page of your Connect account)");
        }
        return key;
    }

    /** Why {@code file} cannot be read, in words that say what to do. */
    static BadInputException unreadable(Path file, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "it does not exist; check the path (" + EXAMPLE + ")";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied; make it readable by your user (chmod or chown it)";
        } else if (Files.isDirectory(file)) {
            reason = "it is a folder; name the file that holds the key";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new BadInputException("Cannot read the auth key file " + file + ": " + reason);
    }
}
