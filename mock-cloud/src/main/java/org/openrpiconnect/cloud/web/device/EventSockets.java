package org.openrpiconnect.cloud.web.device;

import io.javalin.websocket.WsContext;
import org.openrpiconnect.cloud.model.StoredDeviceEvent;
import org.openrpiconnect.protocol.device.DeviceApi;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The devices' open event sockets on this server instance, and delivery of stored events to them. */
public final class EventSockets {
    private static final Logger LOG = LoggerFactory.getLogger(EventSockets.class);
    /**
     * An event is delivered to sockets opened up to this long after it was recorded: the hello frame carries the
     * state read at connect time, and this margin covers a change committed while that read was in flight.
     */
    static final long CONNECT_MARGIN_MS = 2_000;

    private record Socket(WsContext ctx, String deviceId, long connectedAt) {}

    /** What the cloud does with the frames devices send on their sockets (e.g. session signalling). */
    public interface Listener {
        void onFrame(String deviceId, String text);

        /** The device's last socket on this instance closed. */
        void onLastSocketClosed(String deviceId);
    }

    private final Map<String, List<Socket>> byDevice = new ConcurrentHashMap<>();
    private volatile Listener listener;

    /** Who gets the devices' frames (one listener; without one they are dropped). */
    public void listen(Listener listener) {
        this.listener = listener;
    }

    /** A text frame the device sent on one of its sockets. */
    public void received(String deviceId, String text) {
        Listener l = listener;
        if (l != null) l.onFrame(deviceId, text);
    }

    /** Sends one text frame on the device's newest socket; false when it has none open here. */
    public boolean sendToDevice(String deviceId, String text) {
        List<Socket> sockets = byDevice.get(deviceId);
        if (sockets == null || sockets.isEmpty()) return false;
        try {
            send(sockets.get(sockets.size() - 1).ctx(), text);
            return true;
        } catch (RuntimeException e) {
            LOG.debug("device {}: could not send a frame: {}", deviceId, e.getMessage());
            return false;
        }
    }

    public void register(String deviceId, WsContext ctx, long connectedAt) {
        byDevice.computeIfAbsent(deviceId, k -> new CopyOnWriteArrayList<>()).add(new Socket(ctx, deviceId,
                connectedAt));
    }

    public void unregister(String deviceId, WsContext ctx) {
        List<Socket> sockets = byDevice.get(deviceId);
        if (sockets == null) return;
        sockets.removeIf(s -> s.ctx().sessionId().equals(ctx.sessionId()));
        byDevice.computeIfPresent(deviceId, (k, v) -> v.isEmpty() ? null : v);
        Listener l = listener;
        if (l != null && count(deviceId) == 0) l.onLastSocketClosed(deviceId);
    }

    public int count(String deviceId) {
        List<Socket> sockets = byDevice.get(deviceId);
        return sockets == null ? 0 : sockets.size();
    }

    /** Sends one text frame; sends on one socket never interleave. */
    public static void send(WsContext ctx, String text) {
        synchronized (ctx.session) {
            ctx.send(text);
        }
    }

    public void deliver(StoredDeviceEvent event) {
        List<Socket> sockets = byDevice.get(event.deviceId());
        if (sockets == null) return;
        for (Socket s : sockets) {
            if (event.createdAt() < s.connectedAt() - CONNECT_MARGIN_MS) continue;
            try {
                deliver(s, event);
            } catch (RuntimeException e) {
                LOG.debug("device {}: could not deliver {}: {}", s.deviceId(), event.type(), e.getMessage());
            }
        }
    }

    private void deliver(Socket s, StoredDeviceEvent event) {
        switch (event.type()) {
            case DeviceEvent.REMOVED -> {
                send(s.ctx(), event.payload());
                s.ctx().closeSession(DeviceApi.CLOSE_SIGNED_OUT, "device removed");
                LOG.info("device {}: told it was removed, socket closed", s.deviceId());
            }
            case StoredDeviceEvent.SIGNED_OUT -> {
                s.ctx().closeSession(DeviceApi.CLOSE_SIGNED_OUT, "device signed out");
                LOG.info("device {}: signed out, socket closed", s.deviceId());
            }
            default -> {
                send(s.ctx(), event.payload());
                LOG.info("device {}: sent {}", s.deviceId(), event.type());
            }
        }
    }
}
