package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.model.DeviceSearch;
import org.openrpiconnect.cloud.model.Owner;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause (over {@code devices d}) and its parameters for a device search; all conditions ANDed, each on
 * a column of the covering indexes (see {@link SearchColumns}).
 */
record DeviceSearchSql(String sql, List<Object> params) {

    static DeviceSearchSql of(Owner owner, DeviceSearch search) {
        StringBuilder sql = new StringBuilder("d.owner_kind = ? AND d.owner_id = ?");
        List<Object> params = new ArrayList<>(List.of(owner.kind().dbValue(), owner.id()));
        for (String m : search.models()) {
            sql.append(" AND d.filter_model = ?");
            params.add(m);
        }
        for (String m : search.memories()) {
            sql.append(" AND d.filter_memory = ?");
            params.add(m);
        }
        for (String o : search.oses()) {
            sql.append(" AND d.filter_os = ?");
            params.add(o);
        }
        for (String t : search.tags()) {
            sql.append(" AND d.tag_list LIKE ? ESCAPE '\\'");
            params.add("%," + escapeLike(t) + ",%");
        }
        for (String word : search.text()) {
            sql.append(" AND d.search_text LIKE ? ESCAPE '\\'");
            params.add("%" + escapeLike(word) + "%");
        }
        return new DeviceSearchSql(sql.toString(), List.copyOf(params));
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
