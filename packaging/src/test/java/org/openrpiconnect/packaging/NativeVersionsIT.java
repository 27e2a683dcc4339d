package org.openrpiconnect.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The natives in /usr/lib/rpi-connect come from the versions named in packaging/pom.xml; the jars the daemon runs
 * with come from its own dependencies. They must be the same releases (JNA refuses a dispatcher of another version;
 * JNI symbols change between webrtc-java releases).
 */
class NativeVersionsIT {
    private static final Path JARS = Path.of(System.getProperty("jars.dir", "target/jars"));

    @Test
    void native_libraries_come_from_the_same_releases_as_the_daemons_jars() throws IOException {
        assertSameRelease("webrtc-java-", System.getProperty("webrtc.version"));
        assertSameRelease("pty4j-", System.getProperty("pty4j.version"));
        assertSameRelease("jna-", System.getProperty("jna.version"));
    }

    private static void assertSameRelease(String prefix, String nativesVersion) throws IOException {
        try (Stream<Path> jars = Files.list(JARS)) {
            List<String> versions = jars.map(j -> j.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.substring(prefix.length()).matches("[0-9].*\\.jar"))
                    .map(n -> n.substring(prefix.length(), n.length() - ".jar".length()))
                    .toList();
            assertEquals(List.of(nativesVersion), versions, "the daemon's " + prefix + "*.jar against the natives' "
                    + "version in packaging/pom.xml: make them equal");
        }
    }
}
