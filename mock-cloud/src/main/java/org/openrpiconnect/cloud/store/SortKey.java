package org.openrpiconnect.cloud.store;

import java.util.Locale;

/**
 * The column value lists sort by ("sorted alphabetically"): the lower-cased text. The columns compare bytewise on
 * both databases (PostgreSQL: COLLATE "C", set by SearchColumnsMigration), so SQLite and PostgreSQL list in the same
 * order whatever the server's locale.
 */
public final class SortKey {
    private SortKey() {}

    public static String of(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
