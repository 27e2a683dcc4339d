package org.openrpiconnect.cloud.command;

import org.openrpiconnect.cloud.model.AuthKey;
import org.openrpiconnect.cloud.model.Issued;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.service.AuthKeyRequest;
import org.openrpiconnect.cloud.web.Times;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "auth-key", description = "Manage auth keys.", mixinStandardHelpOptions = true,
        subcommands = AuthKeyCommand.Create.class)
final class AuthKeyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a single-use auth key and print its secret (only) on standard output, once.",
                    "A personal key replaces the user's previous unused one."})
    static final class Create implements Callable<Integer> {
        static final String DEFAULT_DESCRIPTION = "created with rpi-connect-cloud";

        @Mixin
        DatabaseOptions db;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static final class Target {
            @Option(names = "--user", paramLabel = "EMAIL", description = "A personal key (rpuak_) for this user.")
            String user;

            @Option(names = "--org", paramLabel = "NAME", description = "An organisation key (rpoak_).")
            String org;
        }

        @Option(names = "--ttl-days", paramLabel = "N", description = "Days until it expires, 1 to 90 (default 1).")
        Integer ttlDays;

        @Option(names = "--ttl-seconds", paramLabel = "N", hidden = true,
                description = "Seconds until it expires (for tests of expiry); overrides --ttl-days.")
        Long ttlSeconds;

        @Option(names = "--device-name", paramLabel = "NAME",
                description = "Name given to the device (default: its hostname).")
        String deviceName;

        @Option(names = "--tag", paramLabel = "TAG", description = "Tag applied to the device (repeatable, up to 10).")
        List<String> tags = new ArrayList<>();

        @Option(names = "--description", paramLabel = "TEXT", description = "What the key is for.")
        String description;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (ttlSeconds != null && ttlSeconds < 1) {
                throw new IllegalArgumentException("--ttl-seconds must be at least 1");
            }
            AuthKeyRequest request = new AuthKeyRequest(description == null ? DEFAULT_DESCRIPTION : description,
                    ttlDays, deviceName, tags);
            Duration override = ttlSeconds == null ? null : Duration.ofSeconds(ttlSeconds);
            try (AdminContext ctx = AdminContext.open(db)) {
                Issued<AuthKey> issued;
                String forWhom;
                if (target.user != null) {
                    User user = ctx.cloud.accounts.requireByEmail(target.user);
                    issued = ctx.cloud.authKeys.createPersonal(user.id(), request, override);
                    forWhom = "user " + user.email();
                } else {
                    Organisation org = ctx.cloud.organisations.requireByName(target.org);
                    issued = ctx.cloud.authKeys.createForOrganisation(org.id(), request, override);
                    forWhom = "organisation " + org.name();
                }
                spec.commandLine().getOut().println(issued.secret());
                spec.commandLine().getErr().println("Created auth key " + issued.item().id() + " for " + forWhom
                        + ", expires at " + Times.iso(issued.item().expiresAt()) + ". It is shown only once.");
            }
            return 0;
        }
    }
}
