package org.openrpiconnect.cloud.store;

import java.util.List;
import java.util.Locale;

/**
 * The device search columns that are plain text: {@code tag_list} ({@code ",production,kiosk,"}, so one tag is
 * {@code LIKE '%,tag,%'}) and {@code search_text} (lower-cased name, a newline, lower-cased serial number: free
 * text matches either, never across the two, since a search word has no newline). Kept in the covering indexes, so
 * a search reads no table rows.
 */
public final class SearchColumns {
    private SearchColumns() {}

    public static String tagList(List<String> tags) {
        return "," + String.join(",", tags) + ",";
    }

    /** The tags back from a tag_list, in their order. */
    public static List<String> tags(String tagList) {
        if (tagList == null || tagList.length() <= 2) return List.of();
        return List.of(tagList.substring(1, tagList.length() - 1).split(","));
    }

    public static String searchText(String name, String serialNumber) {
        return SortKey.of(name) + "\n" + (serialNumber == null ? "" : serialNumber.toLowerCase(Locale.ROOT));
    }
}
