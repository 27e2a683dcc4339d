package org.openrpiconnect.cloud.command;

import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.web.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

@Command(name = "org", description = "Manage organisations.", mixinStandardHelpOptions = true,
        subcommands = {OrgCommand.Create.class, OrgCommand.Billing.class, OrgCommand.TrialEnd.class})
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

    @Command(name = "billing", mixinStandardHelpOptions = true,
            description = {"Set an organisation's billing flag. Billing itself is not part of this cloud: the flag is"
                    + " what lets deployments work after the free trial."})
    static final class Billing implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(paramLabel = "NAME", description = "The organisation's name.")
        String name;

        @Option(names = "--enabled", required = true, paramLabel = "true|false", arity = "1",
                description = "Whether billing is set up.")
        String enabled;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            boolean on = switch (enabled.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("--enabled takes true or false, not '" + enabled + "'");
            };
            try (AdminContext ctx = AdminContext.open(db)) {
                Organisation org = ctx.cloud.organisations.setBillingEnabled(name, on);
                spec.commandLine().getOut().println("Billing for " + org.name() + " is now "
                        + (org.billingEnabled() ? "enabled" : "disabled"));
            }
            return 0;
        }
    }

    @Command(name = "trial-end", mixinStandardHelpOptions = true,
            description = "Move the end of an organisation's free trial (after it, deployments need billing).")
    static final class TrialEnd implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(paramLabel = "NAME", description = "The organisation's name.")
        String name;

        @Option(names = "--at", required = true, paramLabel = "ISO",
                description = "When the trial ends, ISO 8601 UTC, e.g. 2026-03-01T00:00:00Z.")
        String at;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Instant when;
            try {
                when = Instant.parse(at.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--at '" + at + "' is not an ISO 8601 UTC time: give one like"
                        + " 2026-03-01T00:00:00Z");
            }
            try (AdminContext ctx = AdminContext.open(db)) {
                Organisation org = ctx.cloud.organisations.setTrialEndsAt(name, when.toEpochMilli());
                spec.commandLine().getOut().println("The trial of " + org.name() + " ends at "
                        + Times.iso(org.trialEndsAt()));
            }
            return 0;
        }
    }
}
