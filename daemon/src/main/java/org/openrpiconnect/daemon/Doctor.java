package org.openrpiconnect.daemon;

import org.openrpiconnect.daemon.cloud.CloudClient;
import org.openrpiconnect.daemon.cloud.CloudException;
import org.openrpiconnect.daemon.cloud.WebSocketProbe;
import org.openrpiconnect.daemon.ice.PeerToPeerChecks;
import org.openrpiconnect.daemon.link.DeviceLink;
import org.openrpiconnect.daemon.link.SignOutReason;
import org.openrpiconnect.daemon.local.LocalApiException;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.local.DoctorResult;
import org.openrpiconnect.protocol.session.IceServer;
import org.openrpiconnect.protocol.session.IceServerList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code rpi-connect doctor}'s checks, run side by side with short timeouts: the WebSocket server answers an
 * upgrade, the API answers health, the device's credential is accepted; then peer-to-peer candidates via STUN and
 * TURN, gathered against the servers the cloud lists for this device ({@link PeerToPeerChecks}). Within about
 * {@link #TIMEOUT} + {@link PeerToPeerChecks#GATHER_TIMEOUT} in all.
 */
public final class Doctor {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(Doctor.class);

    private final CloudClient cloud;
    private final DeviceLink link;
    private final PeerToPeerChecks peerToPeer;

    public Doctor(CloudClient cloud, DeviceLink link, PeerToPeerChecks peerToPeer) {
        this.cloud = cloud.withTimeout(TIMEOUT);
        this.link = link;
        this.peerToPeer = peerToPeer;
    }

    public DoctorResult run() {
        CompletableFuture<DoctorResult.Check> websocket = Scheduling.onOwnThread("doctor", this::websocket);
        CompletableFuture<DoctorResult.Check> api = Scheduling.onOwnThread("doctor", this::api);
        CompletableFuture<DoctorResult.Check> authentication = Scheduling.onOwnThread("doctor", this::authentication);
        CompletableFuture<List<DoctorResult.Check>> candidates = Scheduling.onOwnThread("doctor", this::peerToPeer);
        List<DoctorResult.Check> checks = new ArrayList<>(List.of(websocket.join(), api.join(),
                authentication.join()));
        checks.addAll(candidates.join());
        return new DoctorResult(checks);
    }

    private DoctorResult.Check websocket() {
        Optional<String> failure = WebSocketProbe.failureReaching(cloud.endpoint().websocket(DeviceApi.EVENTS), TIMEOUT);
        failure.ifPresent(reason -> log.info("Doctor: the WebSocket server did not answer: {}", reason));
        return failure.isEmpty() ? pass(DoctorResult.WEBSOCKET) : fail(DoctorResult.WEBSOCKET, networkHint());
    }

    private DoctorResult.Check api() {
        try {
            cloud.health();
            return pass(DoctorResult.API);
        } catch (CloudException.Unreachable e) {
            log.info("Doctor: {}", e.getMessage());
            return fail(DoctorResult.API, networkHint());
        } catch (CloudException e) {
            log.info("Doctor: {}", e.getMessage());
            return fail(DoctorResult.API, e.getMessage() + " - Try again later");
        }
    }

    private DoctorResult.Check authentication() {
        try {
            link.linkedCall(cloud::self);
            return pass(DoctorResult.AUTHENTICATION);
        } catch (LocalApiException | CloudException e) {
            return fail(DoctorResult.AUTHENTICATION, signedCallHint(e));
        }
    }

    /** The servers come from a signed request: signed out or offline, both checks fail with that call's hint. */
    private List<DoctorResult.Check> peerToPeer() {
        IceServerList listed;
        try {
            listed = link.linkedCall(cloud::iceServers);
        } catch (LocalApiException | CloudException e) {
            return PeerToPeerChecks.bothFail(signedCallHint(e));
        }
        List<IceServer> servers = listed == null || listed.iceServers() == null ? List.of() : listed.iceServers();
        return peerToPeer.run(servers);
    }

    /** The hint for a failed signed call to the cloud (authentication, ICE servers). */
    private String signedCallHint(Exception failure) {
        if (failure instanceof LocalApiException) return "Sign in with rpi-connect signin";
        log.info("Doctor: {}", failure.getMessage());
        if (failure instanceof CloudException.Unreachable) return networkHint();
        if (failure instanceof CloudException.Rejected rejected) {
            return SignOutReason.forCloudError(rejected.error().code()).map(SignOutReason::problem)
                    .orElse(rejected.getMessage());
        }
        return failure.getMessage() + " - Try again later";
    }

    private String networkHint() {
        return "Check your network connection and that " + cloud.endpoint() + " is reachable";
    }

    private static DoctorResult.Check pass(String name) {
        return new DoctorResult.Check(name, true, null);
    }

    private static DoctorResult.Check fail(String name, String hint) {
        return new DoctorResult.Check(name, false, hint);
    }
}
