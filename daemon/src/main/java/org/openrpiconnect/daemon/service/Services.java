package org.openrpiconnect.daemon.service;

import org.openrpiconnect.daemon.Problems;
import org.openrpiconnect.daemon.local.LocalApiException;
import org.openrpiconnect.daemon.state.Settings;
import org.openrpiconnect.daemon.state.SettingsLoad;
import org.openrpiconnect.daemon.state.StateStore;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.StatusResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/** Which services the user allows (persisted in settings.json) and how many sessions each has. */
public final class Services {
    private static final Logger log = LoggerFactory.getLogger(Services.class);

    private final StateStore store;
    private final Problems problems;
    private final SessionCounters sessions = new SessionCounters();
    private Settings settings = Settings.DEFAULT;
    private Path garbledFile;

    public Services(StateStore store, Problems problems) {
        this.store = store;
        this.problems = problems;
    }

    public synchronized void load() {
        SettingsLoad load = store.loadSettings();
        settings = load.settings();
        garbledFile = load.garbledFile();
        if (load.problem() != null) {
            problems.set(Problems.Kind.SETTINGS_FILE, load.problem());
            log.warn("{}", load.problem());
        }
    }

    public synchronized Settings settings() {
        return settings;
    }

    public SessionCounters sessions() {
        return sessions;
    }

    public synchronized boolean allowed(Service service) {
        return service == Service.VNC ? settings.vncAllowed() : settings.shellAllowed();
    }

    public StatusResult.ServiceStatus status(Service service) {
        return new StatusResult.ServiceStatus(allowed(service), sessions.active(service));
    }

    /** Allows or disallows a service and saves it (an unreadable settings file is moved aside first). */
    public synchronized void set(String serviceName, boolean allowed) throws LocalApiException {
        Service service = Service.fromWire(serviceName).orElseThrow(() -> new LocalApiException(
                LocalErrorCode.BAD_REQUEST, "Unknown service '" + serviceName + "': use vnc or shell."));
        Settings updated = service == Service.VNC ? settings.withVnc(allowed) : settings.withShell(allowed);
        try {
            if (garbledFile != null) {
                Path aside = store.moveAside(garbledFile, "garbled");
                if (aside != null) log.warn("Moved the unreadable {} aside to {}", garbledFile, aside);
                garbledFile = null;
                problems.clear(Problems.Kind.SETTINGS_FILE);
            }
            store.saveSettings(updated);
        } catch (IOException e) {
            throw new LocalApiException(LocalErrorCode.INTERNAL, "Could not save " + store.settingsFile() + " ("
                    + e.getMessage() + "). Check the permissions of " + store.dir() + " and try again.");
        }
        settings = updated;
        log.info("{} {}", service == Service.VNC ? "Screen sharing" : "Remote shell",
                allowed ? "allowed" : "disallowed");
    }
}
