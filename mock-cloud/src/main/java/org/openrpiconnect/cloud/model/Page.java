package org.openrpiconnect.cloud.model;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the size of the whole list. */
public record Page<T>(List<T> items, PageRequest request, long totalCount) {
    public long totalPages() {
        return (totalCount + request.perPage() - 1) / request.perPage();
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), request, totalCount);
    }
}
