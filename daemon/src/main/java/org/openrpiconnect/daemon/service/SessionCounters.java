package org.openrpiconnect.daemon.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Active remote sessions per service, as status shows them ("N sessions active"). Sessions report in and out. */
public final class SessionCounters {
    private final Map<Service, AtomicInteger> active = new EnumMap<>(Service.class);

    public SessionCounters() {
        for (Service s : Service.values()) active.put(s, new AtomicInteger());
    }

    public void opened(Service service) {
        active.get(service).incrementAndGet();
    }

    public void closed(Service service) {
        active.get(service).updateAndGet(n -> Math.max(0, n - 1));
    }

    public int active(Service service) {
        return active.get(service).get();
    }
}
