package org.openrpiconnect.daemon;

import org.openrpiconnect.daemon.link.DeviceLink;
import org.openrpiconnect.daemon.link.IdentitySignInFlow;
import org.openrpiconnect.daemon.local.LocalDispatcher;
import org.openrpiconnect.daemon.local.LocalHandler;
import org.openrpiconnect.daemon.service.Services;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.ServiceParams;
import org.openrpiconnect.protocol.local.SignInParams;
import org.openrpiconnect.protocol.local.SignInResult;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The local API's method table: one handler per {@link LocalMethod}. */
public final class LocalHandlers {
    private LocalHandlers() {}

    /**
     * @param settingsChanged runs after a service was allowed or disallowed (tells the cloud)
     * @param identity        signin without an auth key tries the device identity before the browser sign-in
     */
    public static Map<LocalMethod, LocalHandler> table(StatusReporter status, DeviceLink link,
                                                       IdentitySignInFlow identity, Services services,
                                                       Runnable settingsChanged, Doctor doctor, Runnable shutdown) {
        Map<LocalMethod, LocalHandler> table = new EnumMap<>(LocalMethod.class);
        table.put(LocalMethod.STATUS, params -> status.status());
        table.put(LocalMethod.SIGNIN, params -> {
            String authKey = params == null ? null : LocalDispatcher.params(params, SignInParams.class).authKey();
            if (authKey != null) return link.signIn(authKey);
            Optional<SignInResult> withIdentity = identity.signInFromCli();
            return withIdentity.isPresent() ? withIdentity.get() : link.signIn(null);
        });
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
