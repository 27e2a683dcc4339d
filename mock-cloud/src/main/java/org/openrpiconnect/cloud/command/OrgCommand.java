package org.openrpiconnect.cloud.command;

import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "org", description = "Manage organisations.", mixinStandardHelpOptions = true,
        subcommands = OrgCommand.Create.class)
final class OrgCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an organisation (its four-week trial starts now) with a first administrator.")
    static final class Create implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(paramLabel = "NAME", description = "The organisation's name.")
        String name;

        @Option(names = "--admin", required = true, paramLabel = "EMAIL",
                description = "Email of an existing user who becomes its administrator.")
        String admin;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AdminContext ctx = AdminContext.open(db)) {
                User user = ctx.cloud.accounts.requireByEmail(admin);
                Organisation org = ctx.cloud.organisations.create(name, user);
                spec.commandLine().getOut().println("Created organisation " + org.name() + " (id " + org.id() + ")");
            }
            return 0;
        }
    }
}
