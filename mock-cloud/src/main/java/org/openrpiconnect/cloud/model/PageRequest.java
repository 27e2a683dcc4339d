package org.openrpiconnect.cloud.model;

/** One page of a list: 1-based {@code page}, {@code perPage} items per page (1 to {@link #MAX_PER_PAGE}). */
public record PageRequest(int page, int perPage) {
    public static final int MAX_PER_PAGE = 100;

    public PageRequest {
        if (page < 1) throw new IllegalArgumentException("page must be at least 1");
        if (perPage < 1 || perPage > MAX_PER_PAGE) throw new IllegalArgumentException("per_page must be 1 to 100");
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
