package org.openrpiconnect.cli.service;

import org.openrpiconnect.cli.CliException;
import org.openrpiconnect.cli.local.DaemonErrorException;
import org.openrpiconnect.cli.local.LocalApiClient;
import org.openrpiconnect.protocol.local.LocalMethod;

import java.time.Duration;

/** Stops a running daemon through the local API (SHUTDOWN) and waits until its socket stops answering. */
final class DaemonShutdown {
    static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    private final LocalApiClient daemon;
    private final DaemonWaiter waiter;

    DaemonShutdown(LocalApiClient daemon, DaemonWaiter waiter) {
        this.daemon = daemon;
        this.waiter = waiter;
    }

    void run() {
        try {
            daemon.call(LocalMethod.SHUTDOWN, null, Object.class);
        } catch (DaemonErrorException e) {
            throw e; // it refused (for example permission denied): say why
        } catch (CliException e) {
            // It may close the connection as it exits, before or while answering; the wait below decides.
        }
        if (!waiter.awaitSilent(STOP_LIMIT)) {
            throw new ServiceControlException("rpi-connectd still answers " + STOP_LIMIT.toSeconds()
                    + " s after it was asked to stop; find it with `pgrep -u $USER -f rpi-connectd` and stop it");
        }
    }
}
