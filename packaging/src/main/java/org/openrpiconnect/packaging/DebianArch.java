package org.openrpiconnect.packaging;

/**
 * The three architectures the packages are built for, and where each native library's copy for that architecture
 * lives in the artifacts it comes from (each project names architectures its own way).
 */
public enum DebianArch {
    AMD64("amd64", "linux-x86_64", "x86-64", "linux-x86-64"),
    ARM64("arm64", "linux-aarch64", "aarch64", "linux-aarch64"),
    /** ARMv7 hard-float: Raspberry Pi 2, 3, 4, 5 and Zero 2 W on 32-bit Raspberry Pi OS (not ARMv6 boards). */
    ARMHF("armhf", "linux-aarch32", "arm", "linux-arm");

    private final String debianName;
    private final String webrtcClassifier;
    private final String pty4jDir;
    private final String jnaDir;

    DebianArch(String debianName, String webrtcClassifier, String pty4jDir, String jnaDir) {
        this.debianName = debianName;
        this.webrtcClassifier = webrtcClassifier;
        this.pty4jDir = pty4jDir;
        this.jnaDir = jnaDir;
    }

    /** dpkg's name: the package's Architecture field and file name. */
    public String debianName() {
        return debianName;
    }

    /** webrtc-java's library for this architecture, as named inside its classifier jar and by its loader. */
    public String webrtcLibrary() {
        return "libwebrtc-java-" + webrtcClassifier + ".so";
    }

    /** pty4j's folder for this architecture: it loads {@code <preferred folder>/linux/<this>/libpty.so}. */
    public String pty4jDir() {
        return pty4jDir;
    }

    /** JNA's folder for this architecture inside its jar ({@code com/sun/jna/<this>/libjnidispatch.so}). */
    public String jnaDir() {
        return jnaDir;
    }
}
