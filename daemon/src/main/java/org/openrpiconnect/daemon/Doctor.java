package org.openrpiconnect.daemon;

import org.openrpiconnect.daemon.cloud.CloudClient;
import org.openrpiconnect.daemon.cloud.CloudException;
import org.openrpiconnect.daemon.cloud.WebSocketProbe;
import org.openrpiconnect.daemon.link.DeviceLink;
import org.openrpiconnect.daemon.link.SignOutReason;
import org.openrpiconnect.daemon.local.LocalApiException;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.local.DoctorResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code rpi-connect doctor}'s checks of the cloud link, run side by side with short timeouts: the WebSocket
 * server answers an upgrade, the API answers health, the device's credential is accepted.
 */
public final class Doctor {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(Doctor.class);

    private final CloudClient cloud;
    private final DeviceLink link;

    public Doctor(CloudClient cloud, DeviceLink link) {
        this.cloud = cloud.withTimeout(TIMEOUT);
        this.link = link;
    }

    public DoctorResult run() {
        CompletableFuture<DoctorResult.Check> websocket = async(this::websocket);
        CompletableFuture<DoctorResult.Check> api = async(this::api);
        CompletableFuture<DoctorResult.Check> authentication = async(this::authentication);
        return new DoctorResult(List.of(websocket.join(), api.join(), authentication.join()));
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
        } catch (LocalApiException e) {
            return fail(DoctorResult.AUTHENTICATION, "Sign in with rpi-connect signin");
        } catch (CloudException.Unreachable e) {
            log.info("Doctor: {}", e.getMessage());
            return fail(DoctorResult.AUTHENTICATION, networkHint());
        } catch (CloudException.Rejected e) {
            log.info("Doctor: {}", e.getMessage());
            String hint = SignOutReason.forCloudError(e.error().code()).map(SignOutReason::problem)
                    .orElse(e.getMessage());
            return fail(DoctorResult.AUTHENTICATION, hint);
        } catch (CloudException e) {
            log.info("Doctor: {}", e.getMessage());
            return fail(DoctorResult.AUTHENTICATION, e.getMessage() + " - Try again later");
        }
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

    private static CompletableFuture<DoctorResult.Check> async(Supplier<DoctorResult.Check> check) {
        return CompletableFuture.supplyAsync(check, task -> {
            Thread t = new Thread(task, "doctor");
            t.setDaemon(true);
            t.start();
        });
    }
}
