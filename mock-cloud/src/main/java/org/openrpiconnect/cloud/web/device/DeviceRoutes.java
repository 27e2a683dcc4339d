package org.openrpiconnect.cloud.web.device;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.websocket.WsConfig;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.DeviceCode;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.cloud.service.Deployments;
import org.openrpiconnect.cloud.service.Devices;
import org.openrpiconnect.cloud.service.Linking;
import org.openrpiconnect.cloud.web.JsonReplies;
import org.openrpiconnect.cloud.web.Times;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.Version;
import org.openrpiconnect.protocol.device.AuthKeySignIn;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeploymentReport;
import org.openrpiconnect.protocol.device.DeviceCodePoll;
import org.openrpiconnect.protocol.device.DeviceDeployment;
import org.openrpiconnect.protocol.device.DeviceDeployments;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.openrpiconnect.protocol.device.DeviceFacts;
import org.openrpiconnect.protocol.device.IdentitySignIn;
import org.openrpiconnect.protocol.device.SignedInDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** The device API (see {@link DeviceApi} for each path's contract). */
public final class DeviceRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRoutes.class);
    private static final String DEVICE_ATTRIBUTE = "connect.device-id";
    static final long PING_INTERVAL_SECONDS = 15;

    private final Linking linking;
    private final Devices devices;
    private final Deployments deployments;
    private final RequestVerifier verifier;
    private final EventSockets sockets;
    private final Clock clock;

    public DeviceRoutes(Linking linking, Devices devices, Deployments deployments, RequestVerifier verifier,
                        EventSockets sockets, Clock clock) {
        this.linking = linking;
        this.devices = devices;
        this.deployments = deployments;
        this.verifier = verifier;
        this.sockets = sockets;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get(DeviceApi.HEALTH, ctx -> JsonReplies.reply(ctx, HttpStatus.OK, new Health("ok", Version.current())));
        app.post(DeviceApi.SIGNIN_CODE, this::startCode);
        app.post(DeviceApi.SIGNIN_CODE_POLL, this::pollCode);
        app.post(DeviceApi.SIGNIN_AUTH_KEY, this::exchangeAuthKey);
        app.post(DeviceApi.SIGNIN_IDENTITY, this::signInWithIdentity);
        app.get(DeviceApi.DEPLOYMENTS, this::openDeployments);
        app.post(DeviceApi.DEPLOYMENT_STATE, this::reportDeployment);
        app.get(DeviceApi.SELF, this::self);
        app.post(DeviceApi.SIGNOUT, this::signOut);
        app.wsBeforeUpgrade(DeviceApi.EVENTS, ctx -> {
            Device device = verifier.verifyDevice(ctx, new byte[0]);
            ctx.attribute(DEVICE_ATTRIBUTE, device.id());
        });
        app.ws(DeviceApi.EVENTS, this::events);
    }

    /** The health body, {@code {"status":"ok","version":"..."}}. */
    record Health(String status, String version) {}

    private void startCode(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        DeviceFacts facts = parse(body, DeviceFacts.class);
        verifier.verifySignIn(ctx, body, facts.publicKey(), facts.serialNumber());
        JsonReplies.reply(ctx, HttpStatus.CREATED, linking.startDeviceCode(facts));
    }

    private void pollCode(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        DeviceCodePoll poll = parse(body, DeviceCodePoll.class);
        DeviceCode code = linking.findByDeviceCode(poll.deviceCode()).orElseThrow(() -> CloudError.device(
                DeviceErrorCode.CODE_EXPIRED, "This sign-in code is unknown or has expired: run rpi-connect signin"
                        + " again"));
        verifier.verifySignIn(ctx, body, code.facts().publicKey(), code.facts().serialNumber());
        JsonReplies.reply(ctx, HttpStatus.OK, linking.poll(code));
    }

    private void exchangeAuthKey(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        AuthKeySignIn request = parse(body, AuthKeySignIn.class);
        if (request.device() == null) {
            throw CloudError.device(DeviceErrorCode.BAD_REQUEST, "The sign-in request has no device facts: update"
                    + " rpi-connect");
        }
        verifier.verifySignIn(ctx, body, request.device().publicKey(), request.device().serialNumber());
        Device d = linking.exchangeAuthKey(request.authKey(), request.device());
        JsonReplies.reply(ctx, HttpStatus.CREATED, new SignedInDevice(d.id(), d.name()));
    }

    private void signInWithIdentity(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        IdentitySignIn request = parse(body, IdentitySignIn.class);
        if (request.device() == null || request.identityPublicKey() == null) {
            throw CloudError.device(DeviceErrorCode.BAD_REQUEST, "The sign-in request needs identity_public_key and"
                    + " device facts: update rpi-connect");
        }
        PublicKey identityKey = verifier.verifySignIn(ctx, body, request.identityPublicKey(),
                request.device().serialNumber());
        Device d = linking.exchangeIdentity(identityKey, request.device());
        JsonReplies.reply(ctx, HttpStatus.CREATED, new SignedInDevice(d.id(), d.name()));
    }

    private void openDeployments(Context ctx) {
        Device d = verifier.verifyDevice(ctx, ctx.bodyAsBytes());
        JsonReplies.reply(ctx, HttpStatus.OK, new DeviceDeployments(deployments.openFor(d).stream()
                .map(DeviceRoutes::deployment).toList()));
    }

    private void reportDeployment(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        Device d = verifier.verifyDevice(ctx, body);
        DeploymentReport report = parse(body, DeploymentReport.class);
        JsonReplies.reply(ctx, HttpStatus.OK, deployment(deployments.report(d, ctx.pathParam("id"), report)));
    }

    private static DeviceDeployment deployment(Deployments.Open o) {
        return new DeviceDeployment(o.deployment().id(), o.deployment().state(), o.deployment().stateReason(),
                o.artefact().id(), o.artefact().name(), o.artefact().uri(), o.artefact().checksum(),
                Times.iso(o.deployment().createdAt()), Times.iso(o.deployment().updatedAt()));
    }

    private void self(Context ctx) {
        Device d = verifier.verifyDevice(ctx, ctx.bodyAsBytes());
        devices.touch(d.id());
        JsonReplies.reply(ctx, HttpStatus.OK, new SignedInDevice(d.id(), d.name()));
    }

    private void signOut(Context ctx) {
        Device d = verifier.verifyDevice(ctx, ctx.bodyAsBytes());
        devices.signOut(d.id(), "requested by the device");
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void events(WsConfig ws) {
        ws.onConnect(ctx -> {
            String deviceId = ctx.attribute(DEVICE_ATTRIBUTE);
            long connectedAt = clock.millis();
            sockets.register(deviceId, ctx, connectedAt);
            // Read after registering: a rename committed in between is then either in this name or delivered.
            String name = devices.find(deviceId).map(Device::name).orElse(null);
            if (name == null) {
                ctx.closeSession(DeviceApi.CLOSE_SIGNED_OUT, "device removed");
                return;
            }
            EventSockets.send(ctx, Json.write(DeviceEvent.hello(name)));
            ctx.enableAutomaticPings(PING_INTERVAL_SECONDS, TimeUnit.SECONDS);
            LOG.info("device {}: event socket open", deviceId);
        });
        ws.onClose(ctx -> {
            String deviceId = ctx.attribute(DEVICE_ATTRIBUTE);
            sockets.unregister(deviceId, ctx);
            LOG.info("device {}: event socket closed ({} {})", deviceId, ctx.status(), ctx.reason());
        });
        ws.onError(ctx -> LOG.debug("device {}: event socket error: {}", (Object) ctx.attribute(DEVICE_ATTRIBUTE),
                ctx.error() == null ? "unknown" : ctx.error().getMessage()));
        ws.onMessage(ctx -> sockets.received(ctx.attribute(DEVICE_ATTRIBUTE), ctx.message()));
    }

    private static <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw CloudError.device(DeviceErrorCode.BAD_REQUEST, "The request has no body: send the "
                    + type.getSimpleName() + " JSON");
        }
        T value = Json.read(body, type);
        if (value == null) {
            throw CloudError.device(DeviceErrorCode.BAD_REQUEST, "The request body is empty JSON: send the "
                    + type.getSimpleName() + " JSON");
        }
        return value;
    }
}
