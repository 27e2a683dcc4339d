package org.openrpiconnect.packaging;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code @NAME@} placeholders in the files of debian/; a placeholder left unfilled fails the build. */
public final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z][A-Z_]*)@");

    private Templates() {}

    public static String fill(String template, Map<String, String> values, String source) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(source + " uses @" + m.group(1) + "@, which the build does not "
                        + "define: add it to PackageStager's values or fix the name");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
