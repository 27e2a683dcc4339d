package org.openrpiconnect.packaging;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a troff man page (section 1) for one picocli command from its model: name, synopsis, description,
 * options, parameters, subcommands and footer, so the page says what the code accepts. picocli-codegen's
 * ManPageGenerator writes AsciiDoc, which needs asciidoctor to become a man page; this writes troff directly.
 */
public final class ManPageWriter {
    private final String product;

    /** @param product the footer's source line, e.g. "rpi-connect 2.9.0" */
    public ManPageWriter(String product) {
        this.product = product;
    }

    /** The page's name: the command's qualified name with dashes, e.g. "rpi-connect-status". */
    public static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    public String write(CommandSpec spec, List<String> seeAlso) {
        StringBuilder page = new StringBuilder();
        String name = pageName(spec);
        String[] description = spec.usageMessage().description();
        line(page, ".TH " + name.toUpperCase(java.util.Locale.ROOT).replace("-", "\\-") + " 1 \"\" \""
                + escape(product) + "\" \"User Commands\"");
        line(page, ".SH NAME");
        line(page, escape(name) + " \\- " + escape(summary(description)));

        line(page, ".SH SYNOPSIS");
        line(page, ".nf");
        String synopsis = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0).stripTrailing();
        for (String text : synopsis.split("\n")) line(page, escape(text.stripTrailing()));
        line(page, ".fi");

        if (description.length > 0) {
            line(page, ".SH DESCRIPTION");
            paragraphs(page, description);
        }

        List<PositionalParamSpec> parameters = visibleParameters(spec);
        if (!parameters.isEmpty()) {
            line(page, ".SH ARGUMENTS");
            for (PositionalParamSpec parameter : parameters) {
                line(page, ".TP");
                line(page, "\\fI" + escape(parameter.paramLabel()) + "\\fR");
                paragraphs(page, parameter.description());
            }
        }

        List<OptionSpec> options = visibleOptions(spec);
        if (!options.isEmpty()) {
            line(page, ".SH OPTIONS");
            for (OptionSpec option : options) {
                line(page, ".TP");
                line(page, optionHeading(option));
                paragraphs(page, option.description());
            }
        }

        List<CommandLine> subcommands = visibleSubcommands(spec);
        if (!subcommands.isEmpty()) {
            line(page, ".SH COMMANDS");
            for (CommandLine sub : subcommands) {
                line(page, ".TP");
                line(page, "\\fB" + escape(sub.getCommandName()) + "\\fR");
                line(page, escape(summary(sub.getCommandSpec().usageMessage().description()))
                        + " See \\fB" + escape(pageName(sub.getCommandSpec())) + "\\fR(1).");
            }
        }

        List<String> footer = nonBlank(spec.usageMessage().footer());
        if (!footer.isEmpty()) {
            line(page, ".SH NOTES");
            paragraphs(page, footer.toArray(new String[0]));
        }

        if (!seeAlso.isEmpty()) {
            line(page, ".SH SEE ALSO");
            for (int i = 0; i < seeAlso.size(); i++) {
                line(page, ".BR " + escape(seeAlso.get(i)) + " (1)" + (i < seeAlso.size() - 1 ? "," : ""));
            }
        }
        return page.toString();
    }

    /** Each subcommand once (picocli's map also lists aliases), hidden ones left out. */
    public static List<CommandLine> visibleSubcommands(CommandSpec spec) {
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<CommandLine> result = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            if (seen.put(sub, Boolean.TRUE) == null && !sub.getCommandSpec().usageMessage().hidden()) {
                result.add(sub);
            }
        }
        return result;
    }

    private static List<OptionSpec> visibleOptions(CommandSpec spec) {
        return spec.options().stream().filter(o -> !o.hidden()).toList();
    }

    private static List<PositionalParamSpec> visibleParameters(CommandSpec spec) {
        return spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    }

    private static String optionHeading(OptionSpec option) {
        List<String> names = new ArrayList<>();
        for (String name : option.names()) names.add("\\fB" + escape(name) + "\\fR");
        String heading = String.join(", ", names);
        if (option.arity().max() > 0) {
            heading += (option.longestName().startsWith("--") ? "=" : " ") + "\\fI" + escape(option.paramLabel()) + "\\fR";
        }
        return heading;
    }

    private static String summary(String[] description) {
        return description.length == 0 ? "" : description[0].strip();
    }

    private static List<String> nonBlank(String[] lines) {
        List<String> result = new ArrayList<>();
        for (String l : lines) if (!l.isBlank()) result.add(l);
        return result;
    }

    /** One paragraph per line of picocli's text; picocli's line breaks (%n) start new lines. */
    private static void paragraphs(StringBuilder page, String[] lines) {
        boolean first = true;
        for (String text : lines) {
            for (String part : text.replace("%n", "\n").split("\n")) {
                if (part.isBlank()) continue;
                if (!first) line(page, ".br");
                line(page, escape(part.strip()));
                first = false;
            }
        }
    }

    /** Escapes text for troff: backslashes, dashes, and a leading '.' or '\'' that would read as a request. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        if (escaped.startsWith(".") || escaped.startsWith("'")) escaped = "\\&" + escaped;
        return escaped;
    }

    private static void line(StringBuilder page, String text) {
        page.append(text).append('\n');
    }
}
