package org.openrpiconnect.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastPathTest {
    private final CommandTable table = CommandTableWriter.fromModel(Main.commandLine(null));
    private final CliContext context = new CliContext(new Env(Map.of()), new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), null, Duration.ZERO);

    @Test
    void the_table_in_the_jar_is_the_one_of_the_current_picocli_model() throws Exception {
        try (InputStream in = CommandTable.class.getResourceAsStream(CommandTable.RESOURCE)) {
            assertNotNull(in, CommandTable.RESOURCE + " is missing: the build step of cli/pom.xml did not run");
            assertEquals(table.toText(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void the_table_survives_its_text_form() {
        assertEquals(table.entries(), CommandTable.parse(table.toText()).entries());
    }

    @Test
    void every_command_of_rpi_connect_runs_without_picocli() {
        assertEquals(Main.commandLine(null).getSubcommands().keySet(), table.entries().keySet());
    }

    @Test
    void plainly_written_commands_are_bound_as_picocli_binds_them() {
        List<List<String>> plain = List.of(List.of("status"), List.of("status", "--json"), List.of("doctor", "--json"),
                List.of("on"), List.of("off"), List.of("restart"), List.of("signout"), List.of("signin"),
                List.of("signin", "--auth-key=rpuak_1"), List.of("signin", "--auth-key", "rpuak_1"),
                List.of("signin", "--auth-key=@/home/alice/key"), List.of("vnc", "on"), List.of("shell", "off"));
        for (List<String> args : plain) {
            FastPath.Invocation invocation = FastPath.parse(table, context, args.toArray(String[]::new));
            assertNotNull(invocation, "not taken by the fast path: " + args);
            assertBoundLikePicocli(args, invocation);
        }
    }

    @Test
    void whatever_the_fast_path_takes_picocli_would_bind_the_same_way_and_the_rest_is_left_to_picocli() {
        int taken = 0;
        int left = 0;
        for (List<String> args : argumentLists()) {
            FastPath.Invocation invocation = FastPath.parse(table, context, args.toArray(String[]::new));
            if (invocation == null) {
                left++;
            } else {
                taken++;
                assertBoundLikePicocli(args, invocation);
            }
        }
        assertTrue(taken > 20 && left > 100, "taken " + taken + ", left " + left);
    }

    @Test
    void help_version_unknown_options_and_argument_files_are_left_to_picocli() {
        for (List<String> args : List.of(List.<String>of(), List.of("--help"), List.of("status", "--help"),
                List.of("status", "-h"), List.of("vnc", "-V"), List.of("--version", "status"), List.of("statu"),
                List.of("status", "--json=true"), List.of("status", "--json", "--json"), List.of("status", "extra"),
                List.of("vnc"), List.of("vnc", "ON"), List.of("vnc", "on", "off"), List.of("vnc", "--", "on"),
                List.of("signin", "--auth-key"), List.of("signin", "--auth-key="), List.of("signin", "--auth-key", "-x"),
                List.of("signin", "--auth-key", "@/home/alice/args"), List.of("status", "@/home/alice/args"))) {
            assertNull(FastPath.parse(table, context, args.toArray(String[]::new)), args.toString());
        }
    }

    @Test
    void the_parent_command_carries_the_context_as_with_picocli() throws Exception {
        FastPath.Invocation invocation = FastPath.parse(table, context, "status");

        RpiConnectCommand app = (RpiConnectCommand) field(invocation.command(), "app");
        assertSame(context, app.context());
    }

    @Test
    void picocli_still_answers_help_and_usage_errors(@TempDir Path dir) {
        CliRun cli = new CliRun(dir, dir);

        CliRun.Result help = cli.run("status", "--help");
        CliRun.Result wrong = cli.run("vnc", "maybe");

        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: rpi-connect status"), help.out());
        assertEquals(ExitCodes.USAGE, wrong.exitCode());
        assertTrue(wrong.err().contains("maybe"), wrong.err());
    }

    @Test
    void a_table_that_names_a_missing_class_sends_everything_to_picocli() {
        CommandTable stale = CommandTable.parse("status.class=org.openrpiconnect.cli.NoSuchCommand\n");

        assertNull(FastPath.parse(stale, context, "status"));
    }

    /** Every subcommand with tails made of every option name, value shape and parameter the table knows, and more. */
    private List<List<String>> argumentLists() {
        List<String> words = new ArrayList<>(List.of("on", "off", "ON", "x", "", "-", "--", "-h", "--help", "-V",
                "--version", "@/tmp/args", "--json=true", "--no-such-option"));
        for (CommandTable.Entry entry : table.entries().values()) {
            for (String flag : entry.flags().keySet()) words.add(flag);
            for (String option : entry.options().keySet()) {
                words.add(option);
                words.add(option + "=value");
                words.add(option + "=@/home/alice/key");
                words.add(option + "=");
            }
        }
        List<List<String>> lists = new ArrayList<>();
        lists.add(List.of());
        for (String word : words) lists.add(List.of(word));
        for (String name : table.entries().keySet()) {
            lists.add(List.of(name));
            for (String first : words) {
                lists.add(List.of(name, first));
                for (String second : words) lists.add(List.of(name, first, second));
            }
        }
        return lists;
    }

    private void assertBoundLikePicocli(List<String> args, FastPath.Invocation invocation) {
        CommandLine.ParseResult parsed;
        try {
            parsed = Main.commandLine(context).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("the fast path took " + args + ", picocli rejects it: " + e.getMessage());
        }
        assertTrue(parsed.hasSubcommand() && !parsed.subcommand().isUsageHelpRequested()
                && !parsed.subcommand().isVersionHelpRequested(), args.toString());
        Object expected = parsed.subcommand().commandSpec().userObject();
        assertEquals(expected.getClass(), invocation.command().getClass(), args.toString());
        CommandTable.Entry entry = table.entry(args.get(0));
        List<String> fields = new ArrayList<>(entry.flags().values());
        fields.addAll(entry.options().values());
        fields.addAll(entry.positionals());
        for (String name : fields) {
            assertEquals(field(expected, name), field(invocation.command(), name), args + ": " + name);
        }
    }

    private static Object field(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no field " + name + " in " + target.getClass());
    }
}
