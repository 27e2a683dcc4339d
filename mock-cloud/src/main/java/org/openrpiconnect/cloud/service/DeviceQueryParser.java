package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.model.DeviceSearch;
import org.openrpiconnect.protocol.board.BoardModel;
import org.openrpiconnect.protocol.board.MemorySize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one parser of device searches (the Management API's {@code query} parameter and the dashboard's search bar):
 * words separated by spaces, every one of which must match. A word {@code model:V}, {@code memory:V}, {@code os:V}
 * or {@code tag:V} is a qualifier (repeat {@code tag:} for devices that have all the tags); any other word is free
 * text found in the device's name or serial number, case-insensitively. Double quotes keep spaces in free text
 * ({@code "point of sale"}). Unknown {@code model:} and {@code memory:} values are refused with the list of known ones.
 */
public final class DeviceQueryParser {
    public static final int MAX_LENGTH = 500;
    private static final Pattern OS_VALUE = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private DeviceQueryParser() {}

    public static DeviceSearch parse(String query) {
        if (query == null || query.isBlank()) return DeviceSearch.ALL;
        if (query.length() > MAX_LENGTH) {
            throw CloudError.badRequest("The query is too long (" + query.length() + " characters): use at most "
                    + MAX_LENGTH);
        }
        List<String> text = new ArrayList<>();
        List<String> models = new ArrayList<>();
        List<String> memories = new ArrayList<>();
        List<String> oses = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (Word w : words(query)) {
            int colon = w.text().indexOf(':');
            String key = colon > 0 && !w.quoted() ? w.text().substring(0, colon).toLowerCase(Locale.ROOT) : "";
            String value = colon > 0 ? w.text().substring(colon + 1).strip().toLowerCase(Locale.ROOT) : "";
            switch (key) {
                case "model" -> models.add(model(requireValue(key, value, "model:5")));
                case "memory" -> memories.add(memory(requireValue(key, value, "memory:8gb")));
                case "os" -> oses.add(os(requireValue(key, value, "os:raspios-13")));
                case "tag" -> tags.add(tag(requireValue(key, value, "tag:production")));
                default -> text.add(w.text().toLowerCase(Locale.ROOT));
            }
        }
        return new DeviceSearch(text, models, memories, oses, tags);
    }

    private record Word(String text, boolean quoted) {}

    private static List<Word> words(String query) {
        List<Word> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        for (char ch : query.toCharArray()) {
            if (ch == '"') {
                inQuotes = !inQuotes;
                quoted = true;
            } else if (Character.isWhitespace(ch) && !inQuotes) {
                if (!current.isEmpty()) words.add(new Word(current.toString(), quoted));
                current.setLength(0);
                quoted = false;
            } else if (Character.isWhitespace(ch)) {
                current.append(' '); // a quoted phrase is one line: it never spans a name and a serial number
            } else {
                current.append(ch);
            }
        }
        if (inQuotes) throw CloudError.badRequest("The query has an unclosed double quote: close it, or remove it");
        if (!current.isEmpty()) words.add(new Word(current.toString(), quoted));
        return words;
    }

    private static String requireValue(String key, String value, String example) {
        if (value.isEmpty()) {
            throw CloudError.badRequest("The query's " + key + ": qualifier has no value: write it like " + example);
        }
        return value;
    }

    private static String model(String value) {
        return BoardModel.byQueryValue(value).map(BoardModel::queryValue).orElseThrow(() -> CloudError.badRequest(
                "Unknown model '" + value + "' in the query: use one of " + Arrays.stream(BoardModel.values())
                        .map(BoardModel::queryValue).collect(Collectors.joining(", "))));
    }

    private static String memory(String value) {
        return MemorySize.byQueryValue(value).map(MemorySize::queryValue).orElseThrow(() -> CloudError.badRequest(
                "Unknown memory size '" + value + "' in the query: use one of " + Arrays.stream(MemorySize.values())
                        .map(MemorySize::queryValue).collect(Collectors.joining(", "))));
    }

    private static String os(String value) {
        if (!OS_VALUE.matcher(value).matches()) {
            throw CloudError.badRequest("'" + value + "' is not an os: value: use the name and release as a device's"
                    + " filters show them, e.g. os:raspios-13 or os:debian-12");
        }
        return value;
    }

    private static String tag(String value) {
        if (!Tags.isValid(value)) {
            throw CloudError.badRequest("'" + value + "' is not a tag: tags have at most " + Tags.MAX_LENGTH
                    + " lowercase letters, numbers, hyphens and underscores");
        }
        return value;
    }
}
