package org.openrpiconnect.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthKeyArgumentTest {
    @TempDir
    Path dir;

    @Test
    void a_plain_value_is_the_key() {
        assertEquals("rpuak_123456", AuthKeyArgument.resolve("rpuak_123456"));
    }

    @Test
    void an_at_file_value_is_the_trimmed_content_of_the_file() throws IOException {
        Path file = Files.writeString(dir.resolve("auth.key"), "\n  rpoak_abcdef \r\n");

        assertEquals("rpoak_abcdef", AuthKeyArgument.resolve("@" + file));
    }

    @Test
    void a_missing_file_names_the_path_and_says_to_check_it() {
        Path file = dir.resolve("missing.key");

        BadInputException e = assertThrows(BadInputException.class, () -> AuthKeyArgument.resolve("@" + file));

        assertTrue(e.getMessage().startsWith("Cannot read the auth key file " + file + ": it does not exist"),
                e.getMessage());
    }

    @Test
    void an_empty_file_names_the_path_and_says_to_write_the_key_into_it() throws IOException {
        Path file = Files.writeString(dir.resolve("auth.key"), " \n\t\n");

        BadInputException e = assertThrows(BadInputException.class, () -> AuthKeyArgument.resolve("@" + file));

        assertEquals("The auth key file " + file + " is empty; write the auth key into it (create one on the "
                + "Settings page of your Connect account)", e.getMessage());
    }

    @Test
    void a_folder_is_not_an_auth_key_file() {
        BadInputException e = assertThrows(BadInputException.class, () -> AuthKeyArgument.resolve("@" + dir));

        assertTrue(e.getMessage().contains(dir + ": it is a folder"), e.getMessage());
    }

    @Test
    void an_unreadable_file_says_permission_denied() {
        // Tests run as root, who can read any file: the mapping of the refusal is checked directly.
        Path file = dir.resolve("auth.key");

        BadInputException e = AuthKeyArgument.unreadable(file, new AccessDeniedException(file.toString()));

        assertTrue(e.getMessage().startsWith("Cannot read the auth key file " + file + ": permission denied"),
                e.getMessage());
    }

    @Test
    void a_huge_file_is_refused_without_reading_it_all() throws IOException {
        Path file = Files.write(dir.resolve("big"), new byte[AuthKeyArgument.MAX_FILE_BYTES + 1]);

        BadInputException e = assertThrows(BadInputException.class, () -> AuthKeyArgument.resolve("@" + file));

        assertTrue(e.getMessage().contains("not an auth key file"), e.getMessage());
    }

    @Test
    void an_empty_key_or_a_bare_at_sign_is_refused_with_an_example() {
        assertTrue(assertThrows(BadInputException.class, () -> AuthKeyArgument.resolve(""))
                .getMessage().contains("--auth-key=@/home/alice/auth.key"));
        assertTrue(assertThrows(BadInputException.class, () -> AuthKeyArgument.resolve("@"))
                .getMessage().contains("--auth-key=@/home/alice/auth.key"));
    }
}
