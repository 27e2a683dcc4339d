package org.openrpiconnect.daemon.ice;

import dev.onvoid.webrtc.PeerConnectionFactory;
import org.openrpiconnect.daemon.Scheduling;
import org.openrpiconnect.daemon.session.WebRtcFactory;
import org.openrpiconnect.protocol.local.DoctorResult;
import org.openrpiconnect.protocol.session.IceServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Doctor's "Peer-to-peer connection candidate via STUN" and "... via TURN": real candidate gathering with
 * webrtc-java against the servers the cloud lists, the two side by side (and one gathering per STUN server, so a
 * dead one does not hide a live one). WebRTC is loaded through the sessions' {@link WebRtcFactory} (not before a
 * doctor run or a session needs it) and only when there is a server to check.
 */
public final class PeerToPeerChecks {
    /** How long each gathering may take: a server that answers does so in well under a second. */
    public static final Duration GATHER_TIMEOUT = Duration.ofSeconds(4);
    /** A cloud lists one or two; more would only cost threads. */
    private static final int MAX_STUN_SERVERS = 4;
    private static final Logger log = LoggerFactory.getLogger(PeerToPeerChecks.class);

    private final WebRtcFactory webRtc;
    private final String cloud;
    private final Duration timeout;

    /** @param cloud the cloud's URL, named in hints for its operator */
    public PeerToPeerChecks(WebRtcFactory webRtc, String cloud) {
        this(webRtc, cloud, GATHER_TIMEOUT);
    }

    PeerToPeerChecks(WebRtcFactory webRtc, String cloud, Duration timeout) {
        this.webRtc = webRtc;
        this.cloud = cloud;
        this.timeout = timeout;
    }

    /** Both checks failed for the same reason (e.g. the cloud could not say which servers to use). */
    public static List<DoctorResult.Check> bothFail(String hint) {
        return List.of(new DoctorResult.Check(DoctorResult.STUN, false, hint),
                new DoctorResult.Check(DoctorResult.TURN, false, hint));
    }

    /** The STUN check, then the TURN check, against {@code servers} (the cloud's list, with TURN credentials). */
    public List<DoctorResult.Check> run(List<IceServer> servers) {
        List<IceUrl> stun = StunCheck.urlsOf(servers).stream().limit(MAX_STUN_SERVERS).toList();
        List<TurnCheck.Server> turn = TurnCheck.of(servers);
        if (stun.isEmpty() && turn.isEmpty()) {
            return List.of(check(DoctorResult.STUN, noStunServer()), check(DoctorResult.TURN, noTurnServer()));
        }
        PeerConnectionFactory factory;
        try {
            factory = webRtc.acquire();
        } catch (WebRtcFactory.UnavailableException e) {
            log.info("Doctor: {}", e.getMessage());
            return bothFail(e.getMessage());
        }
        try {
            CompletableFuture<Verdict> stunVerdict = stun.isEmpty()
                    ? CompletableFuture.completedFuture(noStunServer()) : anyStunAnswers(factory, stun);
            CompletableFuture<Verdict> turnVerdict = turn.isEmpty() ? CompletableFuture.completedFuture(noTurnServer())
                    : gather("doctor-turn", () -> TurnCheck.run(factory, turn, timeout, cloud));
            return List.of(check(DoctorResult.STUN, stunVerdict.join()), check(DoctorResult.TURN, turnVerdict.join()));
        } finally {
            webRtc.release(); // every peer connection of this run is closed by now
        }
    }

    /** One gathering per STUN server, side by side; passes when any of them answered, else names the first. */
    private CompletableFuture<Verdict> anyStunAnswers(PeerConnectionFactory factory, List<IceUrl> stun) {
        List<CompletableFuture<Verdict>> each = stun.stream()
                .map(url -> gather("doctor-stun", () -> StunCheck.run(factory, url, timeout))).toList();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Verdict> verdicts = each.stream().map(CompletableFuture::join).toList();
            return verdicts.stream().filter(Verdict::ok).findFirst().orElse(verdicts.get(0));
        });
    }

    private Verdict noStunServer() {
        return Verdict.fail(cloud + " lists no STUN server. Its operator can set one with rpi-connect-cloud serve "
                + "--stun-url URL");
    }

    private Verdict noTurnServer() {
        return Verdict.fail(cloud + " lists no TURN server. Its operator can set one with rpi-connect-cloud serve "
                + "--turn-url URL --turn-secret-file F");
    }

    private static DoctorResult.Check check(String name, Verdict verdict) {
        log.info("Doctor: {} {}: {}", name, verdict.ok() ? "passed" : "failed", verdict.evidence());
        return new DoctorResult.Check(name, verdict.ok(), verdict.hint());
    }

    private interface Gathering {
        Verdict run() throws InterruptedException;
    }

    /** Runs a gathering on its own thread; a WebRTC fault there fails the check instead of the doctor. */
    private static CompletableFuture<Verdict> gather(String thread, Gathering gathering) {
        Supplier<Verdict> guarded = () -> {
            try {
                return gathering.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Verdict.fail("The check was interrupted. Run rpi-connect doctor again");
            } catch (RuntimeException | LinkageError e) {
                log.warn("Doctor: candidate gathering failed: {}", e.toString());
                return Verdict.fail("WebRTC failed while gathering candidates (" + e.getMessage() + "). Try again; if "
                        + "it persists, the device's log (rpi-connectd) has the details");
            }
        };
        return Scheduling.onOwnThread(thread, guarded);
    }
}
