package org.openrpiconnect.daemon.session;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;

import java.util.Map;

/** Whether a connected peer connection goes through a TURN relay, read from its stats (for the log). */
public final class ConnectionPath {
    public static final String DIRECT = "direct";
    public static final String RELAYED = "relayed";

    private ConnectionPath() {}

    /** {@link #DIRECT}, {@link #RELAYED}, or "unknown" when the stats name no selected candidate pair. */
    public static String of(RTCStatsReport report) {
        Map<String, RTCStats> stats = report.getStats();
        RTCStats pair = null;
        for (RTCStats s : stats.values()) {
            if (s.getType() == RTCStatsType.TRANSPORT) {
                Object id = s.getAttributes().get("selectedCandidatePairId");
                if (id != null) pair = stats.get(id.toString());
            }
        }
        if (pair == null) return "unknown";
        return isRelay(stats, pair.getAttributes().get("localCandidateId"))
                || isRelay(stats, pair.getAttributes().get("remoteCandidateId")) ? RELAYED : DIRECT;
    }

    private static boolean isRelay(Map<String, RTCStats> stats, Object candidateId) {
        RTCStats candidate = candidateId == null ? null : stats.get(candidateId.toString());
        return candidate != null && "relay".equals(String.valueOf(candidate.getAttributes().get("candidateType")));
    }
}
