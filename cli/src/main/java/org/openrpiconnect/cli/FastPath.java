package org.openrpiconnect.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs a plainly written subcommand ({@code status}, {@code status --json}, {@code vnc on},
 * {@code signin --auth-key=KEY}...) without building picocli's model, which reads every command's annotations by
 * reflection and costs several times a bare JVM start on each run. It only takes what it is sure of: help, version,
 * unknown, repeated or malformed options, a missing or extra parameter, {@code --} and {@code @FILE} arguments go to
 * picocli as before, which answers them or reports the error. The commands, options and fields come from the
 * {@link CommandTable}, which the build derives from the picocli annotations: they stay the only definition.
 * A command's own errors are reported by {@link CliErrorHandler} either way; so a command reports bad input with a
 * {@link BadInputException}, never a picocli ParameterException (whose usage text only picocli could print).
 */
final class FastPath {
    private FastPath() {}

    /** A subcommand object with its fields set as picocli would set them, ready to run. */
    record Invocation(Object command) {
        /** Runs it as picocli's {@code execute} would: the returned exit code, or the error reported as an exit code. */
        int execute(CliContext context) {
            try {
                Object result;
                if (command instanceof Callable<?> callable) {
                    result = callable.call();
                } else {
                    ((Runnable) command).run();
                    result = null;
                }
                return result instanceof Integer code ? code : ExitCodes.OK;
            } catch (Exception error) {
                return CliErrorHandler.report(error, context.err());
            }
        }
    }

    /** The invocation {@code args} stand for, or null when picocli must parse them. */
    static Invocation parse(CommandTable table, CliContext context, String... args) {
        if (args.length == 0) return null;
        CommandTable.Entry entry = table.entry(args[0]);
        if (entry == null) return null;
        Map<String, String> values = new HashMap<>();
        int positionals = 0;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) return null; // picocli reads an @FILE argument as more arguments
            String field;
            String value;
            if (!arg.startsWith("-")) {
                if (positionals == entry.positionals().size()) return null;
                field = entry.positionals().get(positionals++);
                value = arg;
            } else {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                if (equals < 0 && entry.flags().containsKey(name)) {
                    field = entry.flags().get(name);
                    value = "true";
                } else if (entry.options().containsKey(name)) {
                    field = entry.options().get(name);
                    value = equals >= 0 ? arg.substring(equals + 1) : i + 1 < args.length ? args[++i] : null;
                    if (!isPlainValue(value) || (equals < 0 && value.startsWith("@"))) return null;
                } else {
                    return null; // --help, --version, --, an unknown option or a flag with a value
                }
            }
            if (values.put(field, value) != null) return null; // given twice
        }
        if (positionals != entry.positionals().size()) return null;
        return bind(entry, values, context);
    }

    private static boolean isPlainValue(String value) {
        return value != null && !value.isEmpty() && !value.startsWith("-");
    }

    /** The command object with its fields set; null (picocli's turn) when a value does not convert. */
    private static Invocation bind(CommandTable.Entry entry, Map<String, String> values, CliContext context) {
        try {
            Class<?> type = Class.forName(entry.className(), false, FastPath.class.getClassLoader());
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object command = constructor.newInstance();
            if (!(command instanceof Callable || command instanceof Runnable)) return null;
            if (entry.parentField() != null) set(command, entry.parentField(), new RpiConnectCommand(context));
            for (Map.Entry<String, String> value : values.entrySet()) {
                Field field = field(type, value.getKey());
                Object converted = convert(field.getType(), value.getValue());
                if (converted == null) return null;
                field.set(command, converted);
            }
            return new Invocation(command);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return null; // a table that does not fit the classes: picocli still knows the way
        }
    }

    /** picocli's conversions for the types the table admits: boolean flags, Strings, enum constants by exact name. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Class<?> type, String value) {
        if (type == boolean.class) return "true".equals(value) ? Boolean.TRUE : null;
        if (type == String.class) return value;
        if (type.isEnum()) return Enum.valueOf((Class<? extends Enum>) type, value);
        return null;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        field(target.getClass(), name).set(target, value);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : List.of(c.getDeclaredFields())) {
                if (field.getName().equals(name)) {
                    field.setAccessible(true);
                    return field;
                }
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
