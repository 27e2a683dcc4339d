package org.openrpiconnect.daemon.ice;

/** Hint sentences both candidate checks give. */
final class Hints {
    private Hints() {}

    static String unresolved(String kind, IceUrl url) {
        return "The " + kind + " server's host name " + url.host() + " could not be resolved. Check this device's "
                + "DNS settings and network connection";
    }

    static String gatheringFailed(String setupError) {
        return "WebRTC could not gather candidates (" + setupError + "). Try again; if it persists, reinstall the "
                + "rpi-connect package";
    }
}
