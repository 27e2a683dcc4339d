package org.openrpiconnect.cloud.model;

import java.util.List;

/**
 * A parsed device search: every condition must hold. {@code text}: lower-cased words each found in the name or the
 * serial number; {@code models}, {@code memories}, {@code oses}: qualifier values (see {@link DeviceFilters});
 * {@code tags}: tags the device has.
 */
public record DeviceSearch(List<String> text, List<String> models, List<String> memories, List<String> oses,
                           List<String> tags) {
    public static final DeviceSearch ALL = new DeviceSearch(List.of(), List.of(), List.of(), List.of(), List.of());

    public DeviceSearch {
        text = List.copyOf(text);
        models = List.copyOf(models);
        memories = List.copyOf(memories);
        oses = List.copyOf(oses);
        tags = List.copyOf(tags);
    }

    public boolean isEmpty() {
        return text.isEmpty() && models.isEmpty() && memories.isEmpty() && oses.isEmpty() && tags.isEmpty();
    }
}
