package org.openrpiconnect.cli.service;

import org.openrpiconnect.cli.BadInputException;
import org.openrpiconnect.cli.CliContext;
import org.openrpiconnect.cli.Env;

import java.time.Duration;
import java.util.List;

/**
 * Picks how `on`/`off`/`restart` work: RPI_CONNECT_SERVICE_MANAGER=systemd|direct forces one; otherwise systemd
 * when a user manager answers `systemctl --user show-environment`, else direct.
 */
public final class ServiceManagers {
    static final String NO_USER_MANAGER = "no systemd user manager reachable";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private ServiceManagers() {}

    public static ServiceManager choose(CliContext context) {
        String forced = context.env().get(Env.SERVICE_MANAGER);
        if (forced != null) {
            return switch (forced) {
                case "systemd" -> new SystemdServiceManager(context);
                case "direct" -> new DirectServiceManager(context, Env.SERVICE_MANAGER + "=direct");
                default -> throw new BadInputException(Env.SERVICE_MANAGER + " must be systemd or direct, not '"
                        + forced + "'; unset it to let rpi-connect choose");
            };
        }
        boolean userManager = context.commandRunner()
                .run(List.of("systemctl", "--user", "show-environment"), PROBE_TIMEOUT).ok();
        return userManager ? new SystemdServiceManager(context) : new DirectServiceManager(context, NO_USER_MANAGER);
    }
}
