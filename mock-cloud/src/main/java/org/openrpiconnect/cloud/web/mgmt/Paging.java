package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.http.Context;
import org.openrpiconnect.cloud.model.Page;
import org.openrpiconnect.cloud.model.PageRequest;
import org.openrpiconnect.cloud.service.CloudError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code page} and {@code per_page} query parameters of every list (default 1 and 100; per_page above 100 is
 * 100), and the list body: {@code {"<items>": [...], "meta": {page, per_page, total_count, total_pages}}}.
 */
final class Paging {
    private Paging() {}

    record Meta(int page, int perPage, long totalCount, long totalPages) {}

    static PageRequest request(Context ctx) {
        int page = number(ctx, "page", 1);
        int perPage = number(ctx, "per_page", PageRequest.MAX_PER_PAGE);
        if (page < 1) throw CloudError.badRequest("page must be 1 or more");
        if (perPage < 1) throw CloudError.badRequest("per_page must be 1 to " + PageRequest.MAX_PER_PAGE);
        return new PageRequest(page, Math.min(perPage, PageRequest.MAX_PER_PAGE));
    }

    static Map<String, Object> body(String itemsName, Page<?> page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(itemsName, page.items());
        body.put("meta", new Meta(page.request().page(), page.request().perPage(), page.totalCount(),
                page.totalPages()));
        return body;
    }

    static <T> Map<String, Object> body(String itemsName, List<T> items, Page<?> page) {
        return body(itemsName, new Page<>(items, page.request(), page.totalCount()));
    }

    private static int number(Context ctx, String name, int fallback) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank()) return fallback;
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw CloudError.badRequest(name + " must be a whole number, not '" + s + "'");
        }
    }
}
