package org.openrpiconnect.cloud;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.openrpiconnect.protocol.Json;

/**
 * The cloud's Jackson, for its own bodies (Management API, dashboard JSON) and trees: snake_case names, unknown
 * fields ignored, nulls written, as the protocol's codec ({@link org.openrpiconnect.protocol.Json}) does, so a
 * protocol record reads and writes alike through either (protocol's JsonCodecsAgreeTest holds them to that with
 * this same setup). Device and CLI do not use Jackson at all.
 */
public final class CloudJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private CloudJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The tree of a JSON text; malformed JSON raises {@link Json.MalformedJsonException}, as the protocol's codec. */
    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Json.MalformedJsonException("JSON", e);
        }
    }
}
