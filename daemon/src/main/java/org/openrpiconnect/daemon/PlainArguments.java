package org.openrpiconnect.daemon;

import picocli.CommandLine.Option;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the daemon's usual arguments ({@code -v}, {@code -socket PATH}, {@code --allow-root}, as a systemd unit
 * passes them) without building picocli's model: picocli stays loaded for the daemon's whole life once used, and
 * costs an idle daemon about 6 MB (measured with the launcher's JVM settings). The options come from {@link Main}'s
 * {@link Option} annotations, which stay their only definition (man page and help are still picocli's). Only what
 * it is sure of is taken: anything else (help, version, an unknown, repeated or malformed option, {@code --},
 * {@code @FILE}, a value for a flag) is left to picocli, which answers it or reports the error as before.
 */
final class PlainArguments {
    private PlainArguments() {}

    /** A {@link Main} with its fields set as picocli would set them, or empty: let picocli parse. */
    static Optional<Main> bind(String[] args) {
        Main main = new Main();
        Set<Field> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Field field = optionField(name);
            if (field == null || !seen.add(field)) return Optional.empty();
            try {
                if (field.getType() == boolean.class) {
                    if (value != null) return Optional.empty(); // "-v=true": picocli's rules
                    field.setBoolean(main, true);
                } else if (field.getType() == Path.class) {
                    if (value == null) {
                        if (i + 1 == args.length) return Optional.empty();
                        value = args[++i];
                    }
                    if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) return Optional.empty();
                    field.set(main, Path.of(value));
                } else {
                    return Optional.empty();
                }
            } catch (IllegalAccessException | RuntimeException e) {
                return Optional.empty(); // e.g. a path Path.of refuses: picocli reports it
            }
        }
        return Optional.of(main);
    }

    private static Field optionField(String name) {
        for (Field field : Main.class.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option == null) continue;
            for (String n : option.names()) {
                if (n.equals(name)) return field;
            }
        }
        return null;
    }
}
