package org.openrpiconnect.cloud.service;

import java.util.ArrayList;
import java.util.List;

/** The one rule for descriptions (auth keys, API tokens, device identities): not blank, at most 255 characters. */
public final class Descriptions {
    public static final int MAX_LENGTH = 255;

    private Descriptions() {}

    public static String normalise(String description) {
        return description == null ? "" : description.strip();
    }

    /** Failures of a normalised description, in the wording of the Management API's 422 bodies. */
    public static List<String> failures(String description) {
        List<String> failures = new ArrayList<>();
        if (description.isEmpty()) failures.add("Description can't be blank");
        if (description.length() > MAX_LENGTH) {
            failures.add("Description is too long (maximum is " + MAX_LENGTH + " characters)");
        }
        return failures;
    }
}
