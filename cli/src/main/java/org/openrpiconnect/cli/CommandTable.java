package org.openrpiconnect.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The subcommands {@link FastPath} may run without picocli, and how their arguments map onto fields. It is not a
 * second definition of the commands: {@link CommandTableWriter} derives it from the picocli annotations when the
 * module is built, into the resource {@link #RESOURCE}. No picocli class is used here (that is the point).
 */
final class CommandTable {
    static final String RESOURCE = "command-table.properties";

    /**
     * One subcommand: its class, the field of its {@code @ParentCommand}, its boolean flags and single-value String
     * options (by each option name: the field), and its positional parameters in order (each exactly one value).
     */
    record Entry(String className, String parentField, Map<String, String> flags, Map<String, String> options,
                 List<String> positionals) {
        Entry {
            flags = Map.copyOf(flags);
            options = Map.copyOf(options);
            positionals = List.copyOf(positionals);
        }
    }

    private static final CommandTable EMPTY = new CommandTable(Map.of());

    private final Map<String, Entry> entries;

    CommandTable(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The table built with this jar, or an empty one (everything goes to picocli) when it is missing. */
    static CommandTable load() {
        try (InputStream in = CommandTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return EMPTY;
            Properties properties = new Properties();
            properties.load(in);
            return fromProperties(properties);
        } catch (IOException e) {
            return EMPTY;
        }
    }

    static CommandTable parse(String text) {
        try (Reader in = new StringReader(text)) {
            Properties properties = new Properties();
            properties.load(in);
            return fromProperties(properties);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subcommand called {@code name}, or null when picocli must handle it. */
    Entry entry(String name) {
        return entries.get(name);
    }

    Map<String, Entry> entries() {
        return entries;
    }

    /**
     * The resource's text: keys {@code NAME.class}, {@code NAME.parent}, {@code NAME.flag.OPTION},
     * {@code NAME.option.OPTION} and {@code NAME.positionals} (comma-separated), sorted, so a rebuild is identical.
     */
    String toText() {
        Map<String, String> lines = new TreeMap<>();
        entries.forEach((name, entry) -> {
            lines.put(name + ".class", entry.className());
            if (entry.parentField() != null) lines.put(name + ".parent", entry.parentField());
            entry.flags().forEach((option, field) -> lines.put(name + ".flag." + option, field));
            entry.options().forEach((option, field) -> lines.put(name + ".option." + option, field));
            if (!entry.positionals().isEmpty()) lines.put(name + ".positionals", String.join(",", entry.positionals()));
        });
        StringBuilder text = new StringBuilder("# Generated from the picocli model of rpi-connect by CommandTableWriter:"
                + " the commands FastPath runs without picocli.\n");
        lines.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** One pass over the keys, no lambdas: this runs interpreted, at every start. */
    private static CommandTable fromProperties(Properties properties) {
        Map<String, Builder> builders = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            int dot = key.indexOf('.');
            if (dot < 0) continue;
            Builder builder = builders.get(key.substring(0, dot));
            if (builder == null) builders.put(key.substring(0, dot), builder = new Builder());
            String rest = key.substring(dot + 1);
            String value = properties.getProperty(key);
            if (rest.equals("class")) {
                builder.className = value;
            } else if (rest.equals("parent")) {
                builder.parentField = value;
            } else if (rest.equals("positionals")) {
                builder.positionals = List.of(value.split(","));
            } else if (rest.startsWith("flag.")) {
                builder.flags.put(rest.substring("flag.".length()), value);
            } else if (rest.startsWith("option.")) {
                builder.options.put(rest.substring("option.".length()), value);
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Builder> builder : builders.entrySet()) {
            if (builder.getValue().className != null) entries.put(builder.getKey(), builder.getValue().build());
        }
        return new CommandTable(entries);
    }

    private static final class Builder {
        String className;
        String parentField;
        final Map<String, String> flags = new LinkedHashMap<>();
        final Map<String, String> options = new LinkedHashMap<>();
        List<String> positionals = List.of();

        Entry build() {
            return new Entry(className, parentField, flags, options, positionals);
        }
    }
}
