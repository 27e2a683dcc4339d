package org.openrpiconnect.cloud.web.session;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.cloud.session.BrowserEnd;
import org.openrpiconnect.cloud.session.SessionRelay;
import org.openrpiconnect.cloud.web.pages.Csrf;
import org.openrpiconnect.cloud.web.pages.WebSessions;
import org.openrpiconnect.protocol.device.RequestSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The browser's signalling socket: {@code GET /api/v1/sessions/ws?device=ID&csrf=TOKEN[&relay=1]} upgraded to a
 * WebSocket, one per session. Only a signed-in user who may use the device gets one (session cookie, the page's
 * CSRF token, and an Origin of this cloud); a device's signed credential is refused with 403: devices never make
 * offers.
 *
 * <p>Frames are {@code SessionSignal} JSON without {@code session_id} from the browser, with it to the browser:
 * <pre>
 * cloud   -&gt; browser {"type":"session.ready","session_id":"s-...","kind":"shell","ice_servers":[...],
 *                     "ice_transport_policy":"all"|"relay"}          first frame; then create the peer connection
 * browser -&gt; cloud   {"type":"session.offer","sdp":"v=0..."}                 once
 * browser -&gt; cloud   {"type":"session.ice","candidate":"candidate:...","sdp_mid":"0","sdp_mline_index":0}
 * cloud   -&gt; browser {"type":"session.answer",...} and {"type":"session.ice",...} from the device
 * cloud   -&gt; browser {"type":"session.closed","code":"...","reason":"..."}   last frame: show the reason as is
 * browser -&gt; cloud   {"type":"session.close"} or closing the socket: the device ends the session
 * </pre>
 */
public final class SessionSocket {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSocket.class);
    public static final String PATH = "/api/v1/sessions/ws";
    static final long PING_INTERVAL_SECONDS = 15;
    private static final String USER = "connect.session.user";
    private static final String DEVICE = "connect.session.device";
    private static final String RELAY_ONLY = "connect.session.relay";
    private static final String SESSION = "connect.session.id";

    private final Cloud cloud;
    private final WebSessions webSessions;
    private final Csrf csrf;
    private final SessionRelay relay;

    public SessionSocket(Cloud cloud, WebSessions webSessions, Csrf csrf, SessionRelay relay) {
        this.cloud = cloud;
        this.webSessions = webSessions;
        this.csrf = csrf;
        this.relay = relay;
    }

    public void register(Javalin app) {
        app.wsBeforeUpgrade(PATH, this::admit);
        app.ws(PATH, this::socket);
    }

    /** Who may open a session: checked before the upgrade, so a refusal is a plain HTTP status. */
    private void admit(Context ctx) {
        if (ctx.header(RequestSignature.DEVICE_ID) != null || ctx.header(RequestSignature.SIGNATURE) != null) {
            throw CloudError.forbidden("Devices cannot open remote sessions: a signed-in user opens them from the"
                    + " dashboard");
        }
        checkOrigin(ctx);
        User user = webSessions.current(ctx).orElseThrow(() -> CloudError.unauthorized("Sign in to Raspberry Pi"
                + " Connect to open a remote session"));
        csrf.checkToken(ctx, ctx.queryParam("csrf"));
        String deviceId = ctx.queryParam("device");
        if (deviceId == null || deviceId.isBlank()) {
            throw CloudError.badRequest("Say which device: add ?device=ID");
        }
        Device device = cloud.devices.requireVisible(deviceId, user.id());
        ctx.attribute(USER, user.id());
        ctx.attribute(DEVICE, device.id());
        ctx.attribute(RELAY_ONLY, "1".equals(ctx.queryParam("relay")));
    }

    /**
     * A browser names its page's origin; one that is not this cloud's (by the Host it reached, or the public URL)
     * is another site using the user's cookie.
     */
    private void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String authority = authorityOf(origin);
        String host = ctx.header("Host");
        if (authority != null && (authority.equalsIgnoreCase(host) || authority.equalsIgnoreCase(
                authorityOf(cloud.publicUrl.get())))) {
            return;
        }
        throw CloudError.forbidden("This session request came from another site (Origin " + origin + "): open the"
                + " remote shell from the Raspberry Pi Connect dashboard");
    }

    private static String authorityOf(String url) {
        if (url == null) return null;
        try {
            URI u = URI.create(url);
            return u.getHost() == null ? null : u.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void socket(WsConfig ws) {
        ws.onConnect(ctx -> {
            String id = relay.open(ctx.attribute(DEVICE), ctx.attribute(USER), Boolean.TRUE.equals(ctx.attribute(
                    RELAY_ONLY)), new Browser(ctx));
            if (id == null) return;
            ctx.attribute(SESSION, id);
            ctx.enableAutomaticPings(PING_INTERVAL_SECONDS, TimeUnit.SECONDS);
        });
        ws.onMessage(ctx -> {
            String id = ctx.attribute(SESSION);
            if (id != null) relay.fromBrowser(id, ctx.message());
        });
        ws.onClose(ctx -> {
            String id = ctx.attribute(SESSION);
            if (id != null) relay.browserGone(id);
        });
        ws.onError(ctx -> LOG.debug("session {}: browser socket error: {}", (Object) ctx.attribute(SESSION),
                ctx.error() == null ? "unknown" : ctx.error().getMessage()));
    }

    /** A browser's socket as the relay sees it. */
    private static final class Browser implements BrowserEnd {
        private final WsContext ctx;

        Browser(WsContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void send(String text) {
            synchronized (ctx.session) {
                if (!ctx.session.isOpen()) return;
                try {
                    ctx.send(text);
                } catch (RuntimeException e) {
                    LOG.debug("session {}: could not send to the browser: {}", (Object) ctx.attribute(SESSION),
                            e.getMessage());
                }
            }
        }

        @Override
        public void close() {
            synchronized (ctx.session) {
                if (ctx.session.isOpen()) ctx.closeSession(1000, "session ended");
            }
        }
    }
}
