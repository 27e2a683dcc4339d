package org.openrpiconnect.cloud.web.device;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.StoredDeviceEvent;
import org.openrpiconnect.cloud.store.DeviceEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Polls device_events and hands new rows to the open sockets. Polling (not an in-process bus) is what lets a change
 * made by an admin command, or by another cloud instance on the same PostgreSQL, reach the device.
 *
 * <p>Rows are read back over a look-back window and remembered by id, so that a row committed late (its created_at
 * stamped before an earlier poll ran) is still delivered, and none is delivered twice.
 */
public final class EventPump implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);
    public static final long POLL_INTERVAL_MS = 300;
    static final long LOOK_BACK_MS = 15_000;

    private final Database db;
    private final DeviceEventStore events;
    private final EventSockets sockets;
    private final Clock clock;
    private final Map<String, Long> delivered = new HashMap<>();

    public EventPump(Database db, DeviceEventStore events, EventSockets sockets, Clock clock) {
        this.db = db;
        this.events = events;
        this.sockets = sockets;
        this.clock = clock;
    }

    /** One poll; called every {@link #POLL_INTERVAL_MS} by one scheduler thread. */
    @Override
    public void run() {
        try {
            long since = clock.millis() - LOOK_BACK_MS;
            List<StoredDeviceEvent> rows = db.read(c -> events.since(c, since));
            for (StoredDeviceEvent e : rows) {
                if (delivered.putIfAbsent(e.id(), e.createdAt()) == null) sockets.deliver(e);
            }
            delivered.values().removeIf(createdAt -> createdAt < since);
        } catch (RuntimeException e) {
            LOG.warn("polling device events failed (will retry): {}", e.getMessage());
        }
    }
}
