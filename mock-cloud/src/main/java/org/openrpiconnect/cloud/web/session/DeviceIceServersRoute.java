package org.openrpiconnect.cloud.web.session;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.session.IceServers;
import org.openrpiconnect.cloud.web.JsonReplies;
import org.openrpiconnect.cloud.web.device.RequestVerifier;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.session.IceServerList;

/** {@link DeviceApi#ICE_SERVERS}: a signed-in device asks which STUN/TURN servers to test (doctor). */
final class DeviceIceServersRoute {
    private final RequestVerifier verifier;
    private final IceServers iceServers;

    DeviceIceServersRoute(RequestVerifier verifier, IceServers iceServers) {
        this.verifier = verifier;
        this.iceServers = iceServers;
    }

    void register(Javalin app) {
        app.get(DeviceApi.ICE_SERVERS, this::iceServers);
    }

    private void iceServers(Context ctx) {
        Device d = verifier.verifyDevice(ctx, ctx.bodyAsBytes());
        JsonReplies.reply(ctx, HttpStatus.OK, new IceServerList(iceServers.forPeer(d.id())));
    }
}
