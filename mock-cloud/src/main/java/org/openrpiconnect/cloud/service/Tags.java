package org.openrpiconnect.cloud.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one rule for tags (seed 001): at most 10 on a device, each at most 30 characters of lowercase letters,
 * numbers, hyphens and underscores. Failures are worded for the Management API's 422 bodies.
 */
public final class Tags {
    public static final int MAX_TAGS = 10;
    public static final int MAX_LENGTH = 30;
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{1," + MAX_LENGTH + "}");

    private Tags() {}

    /** Trimmed, blanks dropped, duplicates kept once (in first-seen order). */
    public static List<String> normalise(List<String> tags) {
        if (tags == null) return List.of();
        return tags.stream().map(t -> t == null ? "" : t.strip()).filter(t -> !t.isEmpty()).distinct().toList();
    }

    public static boolean isValid(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }

    public static List<String> failures(List<String> tags) {
        List<String> failures = new ArrayList<>();
        if (tags.size() > MAX_TAGS) failures.add("Tags can't contain more than " + MAX_TAGS + " tags");
        if (!tags.stream().allMatch(Tags::isValid)) {
            failures.add("Tags must contain only lowercase letters, numbers, hyphens, and underscores, with a"
                    + " maximum length of " + MAX_LENGTH + " characters");
        }
        return failures;
    }
}
