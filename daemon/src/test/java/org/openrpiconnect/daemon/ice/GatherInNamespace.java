package org.openrpiconnect.daemon.ice;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;

import java.time.Duration;

/**
 * Runs {@link StunCheck} once in this process and prints its verdict as one line, {@code ok|EVIDENCE} or
 * {@code fail|HINT}: started by {@link StunBehindNatTest} inside a network namespace (a JVM's sockets live in the
 * namespace it was started in). Args: the STUN URL, the timeout in milliseconds.
 */
public final class GatherInNamespace {
    public static final String OK = "ok|";
    public static final String FAIL = "fail|";

    private GatherInNamespace() {}

    public static void main(String[] args) throws Exception {
        IceUrl url = IceUrl.parse(args[0]).orElseThrow(() -> new IllegalArgumentException("not a STUN URL: " + args[0]));
        PeerConnectionFactory factory = new PeerConnectionFactory(new HeadlessAudioDeviceModule());
        Verdict v = StunCheck.run(factory, url, Duration.ofMillis(Long.parseLong(args[1])));
        System.out.println(v.ok() ? OK + v.evidence() : FAIL + v.hint());
        System.out.flush();
        factory.dispose(); // after the check closed its peer connection
        System.exit(0);
    }
}
