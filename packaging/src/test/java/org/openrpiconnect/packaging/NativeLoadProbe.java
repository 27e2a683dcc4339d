package org.openrpiconnect.packaging;

import com.pty4j.PtyProcessBuilder;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Run by InstallIT with the installed daemon's JVM options and classpath (in place of its main class): opens a
 * pseudo-terminal (pty4j, through JNA) and a WebRTC factory, then prints where their native libraries were mapped from.
 */
public final class NativeLoadProbe {
    private NativeLoadProbe() {}

    public static void main(String[] args) throws Exception {
        Process shell = new PtyProcessBuilder(new String[] {"/bin/echo", "pty works"}).start();
        System.out.println(new String(shell.getInputStream().readAllBytes()).strip() + ", exit " + shell.waitFor());
        PeerConnectionFactory factory = new PeerConnectionFactory(new HeadlessAudioDeviceModule());
        System.out.println("webrtc works");
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            maps.filter(l -> l.contains("libpty") || l.contains("jnidispatch") || l.contains("webrtc-java"))
                    .map(l -> "mapped " + l.substring(l.indexOf('/')))
                    .distinct()
                    .forEach(System.out::println);
        }
        factory.dispose();
        System.exit(0);
    }
}
