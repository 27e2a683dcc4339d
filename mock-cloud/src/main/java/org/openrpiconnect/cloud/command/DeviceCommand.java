package org.openrpiconnect.cloud.command;

import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "device", description = "Manage devices.", mixinStandardHelpOptions = true,
        subcommands = {DeviceCommand.ListDevices.class, DeviceCommand.Remove.class, DeviceCommand.Rename.class})
final class DeviceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every device: a header line, then tab-separated ID NAME SERIAL OWNER SIGNED_IN rows"
                    + " (OWNER: the user's email or the organisation's name).")
    static final class ListDevices implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AdminContext ctx = AdminContext.open(db)) {
                PrintWriter out = spec.commandLine().getOut();
                out.println(String.join("\t", "ID", "NAME", "SERIAL", "OWNER", "SIGNED_IN"));
                for (Device d : ctx.cloud.devices.listAll()) {
                    out.println(String.join("\t", d.id(), d.name(), d.serialNumber(), owner(ctx, d),
                            d.signedIn() ? "yes" : "no"));
                }
                out.flush();
            }
            return 0;
        }

        private static String owner(AdminContext ctx, Device d) {
            if (d.owner().isUser()) {
                return ctx.cloud.accounts.findById(d.owner().id()).map(User::email).orElse(d.owner().id());
            }
            return ctx.cloud.organisations.findById(d.owner().id()).map(Organisation::name).orElse(d.owner().id());
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a device; if it is connected, it is told and signed out within a second or two.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(paramLabel = "ID", description = "The device id (see device list).")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AdminContext ctx = AdminContext.open(db)) {
                Device d = ctx.cloud.devices.require(id);
                ctx.cloud.devices.remove(id);
                spec.commandLine().getOut().println("Removed device " + d.id() + " (" + d.name() + ")");
            }
            return 0;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true,
            description = "Rename a device; if it is connected, it hears of the new name within a second or two.")
    static final class Rename implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(index = "0", paramLabel = "ID", description = "The device id (see device list).")
        String id;

        @Parameters(index = "1", paramLabel = "NAME", description = "The new name.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AdminContext ctx = AdminContext.open(db)) {
                Device d = ctx.cloud.devices.rename(id, name);
                spec.commandLine().getOut().println("Renamed device " + d.id() + " to " + d.name());
            }
            return 0;
        }
    }
}
