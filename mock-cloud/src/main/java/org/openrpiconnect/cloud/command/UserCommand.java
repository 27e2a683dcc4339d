package org.openrpiconnect.cloud.command;

import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.service.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "user", description = "Manage accounts.", mixinStandardHelpOptions = true,
        subcommands = UserCommand.Create.class)
final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an account. The password is read from standard input (at least "
                    + Accounts.MIN_PASSWORD_LENGTH + " characters).")
    static final class Create implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(paramLabel = "EMAIL", description = "The account's email address.")
        String email;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String password = readPassword();
            try (AdminContext ctx = AdminContext.open(db)) {
                User user = ctx.cloud.accounts.create(email, password);
                spec.commandLine().getOut().println("Created user " + user.email() + " (id " + user.id() + ")");
            }
            return 0;
        }

        private String readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] pw = console.readPassword("Password for %s: ", email);
                return pw == null ? "" : new String(pw);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) {
                throw new IllegalArgumentException("No password on standard input: pipe one in, e.g."
                        + " printf '%s\\n' \"$PASSWORD\" | rpi-connect-cloud user create " + email + " --data DIR");
            }
            return line;
        }
    }
}
