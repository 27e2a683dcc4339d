package org.openrpiconnect.cloud.command;

import org.openrpiconnect.cloud.model.ApiToken;
import org.openrpiconnect.cloud.model.Issued;
import org.openrpiconnect.cloud.model.Organisation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "token", description = "Manage Management API access tokens.", mixinStandardHelpOptions = true,
        subcommands = TokenCommand.Create.class)
final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an rporg_ access token for an organisation and print it (only) on standard output,"
                    + " once. It acts as an administrator of the organisation.")
    static final class Create implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--org", required = true, paramLabel = "NAME", description = "The organisation.")
        String org;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the token is for.")
        String description = "created with rpi-connect-cloud";

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AdminContext ctx = AdminContext.open(db)) {
                Organisation organisation = ctx.cloud.organisations.requireByName(org);
                Issued<ApiToken> issued = ctx.cloud.apiTokens.create(organisation, description);
                spec.commandLine().getOut().println(issued.secret());
                spec.commandLine().getErr().println("Created API token " + issued.item().id() + " for organisation "
                        + organisation.name() + ". It is shown only once.");
            }
            return 0;
        }
    }
}
