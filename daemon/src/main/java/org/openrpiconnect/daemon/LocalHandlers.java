package org.openrpiconnect.daemon;

import org.openrpiconnect.daemon.link.DeviceLink;
import org.openrpiconnect.daemon.local.LocalDispatcher;
import org.openrpiconnect.daemon.local.LocalHandler;
import org.openrpiconnect.daemon.service.Services;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.ServiceParams;
import org.openrpiconnect.protocol.local.SignInParams;

import java.util.EnumMap;
import java.util.Map;

/** The local API's method table: one handler per {@link LocalMethod}. */
public final class LocalHandlers {
    private LocalHandlers() {}

    /** @param settingsChanged runs after a service was allowed or disallowed (tells the cloud) */
    public static Map<LocalMethod, LocalHandler> table(StatusReporter status, DeviceLink link, Services services,
                                                       Runnable settingsChanged, Doctor doctor, Runnable shutdown) {
        Map<LocalMethod, LocalHandler> table = new EnumMap<>(LocalMethod.class);
        table.put(LocalMethod.STATUS, params -> status.status());
        table.put(LocalMethod.SIGNIN, params -> link.signIn(
                params == null ? null : LocalDispatcher.params(params, SignInParams.class).authKey()));
        table.put(LocalMethod.SIGNOUT, params -> {
            link.signOut();
            return status.status();
        });
        table.put(LocalMethod.SET_SERVICE, params -> {
            ServiceParams p = LocalDispatcher.params(params, ServiceParams.class);
            services.set(p.service(), p.allowed());
            settingsChanged.run();
            return status.status();
        });
        table.put(LocalMethod.DOCTOR, params -> doctor.run());
        table.put(LocalMethod.SHUTDOWN, params -> new LocalHandler.ThenRun(null, shutdown));
        return table;
    }
}
