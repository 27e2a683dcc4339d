package org.openrpiconnect.daemon.ice;

import java.util.List;

/**
 * What one ICE gathering produced: the local candidates, the candidate errors libwebrtc reported (one per local
 * socket and server that failed: a timeout is code 701, a TURN refusal the server's STUN error code), whether
 * gathering completed before the time was up, and why it could not start (null when it did).
 */
public record Gathered(List<Candidate> candidates, List<CandidateError> errors, boolean complete, String setupError) {
    public Gathered {
        candidates = List.copyOf(candidates);
        errors = List.copyOf(errors);
    }

    /** A local candidate, from its SDP line: {@code type} host, srflx, prflx or relay; {@code protocol} udp or tcp. */
    public record Candidate(String type, String protocol, String address, String serverUrl) {
        /** Parses "candidate:FOUNDATION COMPONENT PROTOCOL PRIORITY ADDRESS PORT typ TYPE ...", or null. */
        static Candidate parse(String sdp, String serverUrl) {
            if (sdp == null) return null;
            String[] t = sdp.strip().split("\\s+");
            for (int i = 6; i < t.length - 1; i++) {
                if (t[i].equals("typ")) return new Candidate(t[i + 1], t[2].toLowerCase(java.util.Locale.ROOT), t[4],
                        serverUrl);
            }
            return null;
        }

        public boolean udpHostOfVersion(int ipVersion) {
            if (!"host".equals(type) || !"udp".equals(protocol)) return false;
            boolean v6 = address.contains(":");
            return ipVersion == 0 || (ipVersion == 6) == v6;
        }
    }

    /** libwebrtc's icecandidateerror: the server URL, the error code (701: no answer) and its text. */
    public record CandidateError(String url, int code, String text) {
        public static final int NO_ANSWER = 701;

        /** libwebrtc reports a host name it cannot resolve as 701 with "... host lookup received error." */
        public boolean lookupFailed() {
            return code == NO_ANSWER && text != null && text.toLowerCase(java.util.Locale.ROOT).contains("lookup");
        }
    }

    public boolean has(String candidateType) {
        return candidates.stream().anyMatch(c -> candidateType.equals(c.type()));
    }

    public boolean hasUdpHost(int ipVersion) {
        return candidates.stream().anyMatch(c -> c.udpHostOfVersion(ipVersion));
    }
}
