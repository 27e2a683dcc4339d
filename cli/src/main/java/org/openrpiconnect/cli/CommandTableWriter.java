package org.openrpiconnect.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IAnnotatedElement;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Build step (cli/pom.xml, phase process-classes): writes the {@link CommandTable} of rpi-connect's picocli model
 * into the classes, for {@link FastPath}. A subcommand goes into the table only when FastPath can run it exactly as
 * picocli would: a Runnable or Callable with a no-argument constructor, at most one {@code @ParentCommand} field,
 * boolean flags and single-value String options without defaults, and positional parameters of exactly one String or
 * enum value each. Anything else (mixins, {@code @Spec}, groups, nested subcommands...) stays with picocli.
 */
public final class CommandTableWriter {
    /** The mixin picocli adds for {@code mixinStandardHelpOptions}: its --help and --version stay picocli's. */
    private static final String STANDARD_HELP_MIXIN = "mixinStandardHelpOptions";

    private CommandTableWriter() {}

    /** Usage: CommandTableWriter OUTPUT_FILE */
    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, fromModel(Main.commandLine(null)).toText());
    }

    static CommandTable fromModel(CommandLine root) {
        Class<?> rootType = root.getCommandSpec().userObject().getClass();
        Map<String, CommandTable.Entry> entries = new LinkedHashMap<>();
        root.getSubcommands().forEach((name, subcommand) -> {
            CommandTable.Entry entry = entryFor(subcommand.getCommandSpec(), rootType);
            if (entry != null) entries.put(name, entry);
        });
        return new CommandTable(entries);
    }

    /** The subcommand's entry, or null when FastPath could not run it exactly as picocli does. */
    private static CommandTable.Entry entryFor(CommandSpec spec, Class<?> rootType) {
        Object command = spec.userObject();
        if (!(command instanceof Runnable || command instanceof Callable) || !hasNoArgumentConstructor(command)) {
            return null;
        }
        if (!spec.subcommands().isEmpty() || !spec.argGroups().isEmpty() || !spec.unmatchedArgsBindings().isEmpty()
                || !spec.specElements().isEmpty() || spec.parentCommandElements().size() > 1
                || spec.mixins().keySet().stream().anyMatch(mixin -> !mixin.equals(STANDARD_HELP_MIXIN))) {
            return null;
        }
        String parentField = null;
        for (IAnnotatedElement parent : spec.parentCommandElements()) {
            if (!(parent.userObject() instanceof Field field) || !field.getType().isAssignableFrom(rootType)) return null;
            parentField = field.getName();
        }
        Map<String, String> flags = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp()) continue;
            Field field = plainField(option);
            if (field == null || option.required() || option.negatable()) return null;
            Map<String, String> target;
            if (option.type() == boolean.class && option.arity().max() == 0) {
                target = flags;
            } else if (option.type() == String.class && option.arity().min() == 1 && option.arity().max() == 1) {
                target = options;
            } else {
                return null;
            }
            for (String name : option.names()) target.put(name, field.getName());
        }
        List<String> positionals = new ArrayList<>();
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            Field field = plainField(positional);
            if (field == null || positional.arity().min() != 1 || positional.arity().max() != 1
                    || positional.index().min() != positionals.size() || positional.index().max() != positionals.size()
                    || !(positional.type() == String.class || positional.type().isEnum())) {
                return null;
            }
            positionals.add(field.getName());
        }
        return new CommandTable.Entry(command.getClass().getName(), parentField, flags, options, positionals);
    }

    /** The instance field an option or parameter sets, when picocli sets nothing else (defaults, splitting...). */
    private static Field plainField(ArgSpec arg) {
        if (!(arg.userObject() instanceof Field field) || Modifier.isStatic(field.getModifiers())) return null;
        if (arg.inherited() || arg.interactive() || arg.defaultValue() != null || !arg.splitRegex().isEmpty()) {
            return null;
        }
        return field;
    }

    private static boolean hasNoArgumentConstructor(Object command) {
        try {
            command.getClass().getDeclaredConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
