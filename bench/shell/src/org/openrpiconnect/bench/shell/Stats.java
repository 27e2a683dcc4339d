package org.openrpiconnect.bench.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Samples of one measurement, in milliseconds; percentiles by the nearest-rank method. */
final class Stats {
    private final List<Double> samples = new ArrayList<>();

    void add(double ms) {
        samples.add(ms);
    }

    void addNanos(long nanos) {
        add(nanos / 1e6);
    }

    int count() {
        return samples.size();
    }

    double last() {
        return samples.get(samples.size() - 1);
    }

    double percentile(double p) {
        if (samples.isEmpty()) throw new IllegalStateException("no samples");
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
