package org.openrpiconnect.protocol;

import org.openrpiconnect.protocol.json.JsonBinder;
import org.openrpiconnect.protocol.json.JsonParser;
import org.openrpiconnect.protocol.json.JsonReadException;
import org.openrpiconnect.protocol.json.JsonValue;
import org.openrpiconnect.protocol.json.JsonWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON codec of every wire format of the project: snake_case field names (as the Management API uses),
 * unknown fields ignored (so a newer peer can add fields), nulls written (the documented bodies show them) except in
 * records implementing {@link org.openrpiconnect.protocol.json.OmitNulls}. The project's own small codec
 * ({@link org.openrpiconnect.protocol.json}): the daemon and the CLI load no JSON library. The cloud's Jackson
 * writes the same bytes (a test in this module holds both to that).
 */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        return JsonWriter.write(JsonBinder.toTree(value));
    }

    /** UTF-8 of {@link #write}; a lone surrogate in a string (not text any more) is written as '?'. */
    public static byte[] writeBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The tree of a value (a record becomes a {@link org.openrpiconnect.protocol.json.JsonObject}). */
    public static JsonValue tree(Object value) {
        return JsonBinder.toTree(value);
    }

    /**
     * Parses JSON; a malformed document raises {@link MalformedJsonException} with a readable reason. The document
     * {@code null} reads as null; {@code JsonValue.class} gives the tree.
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return bind(JsonParser.parse(json), type);
        } catch (JsonReadException e) {
            throw new MalformedJsonException(type.getSimpleName(), e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return bind(JsonParser.parse(json), type);
        } catch (JsonReadException e) {
            throw new MalformedJsonException(type.getSimpleName(), e);
        }
    }

    /** A tree (e.g. the local API's params or result) read as {@code type}; a mismatch raises MalformedJsonException. */
    public static <T> T read(JsonValue tree, Class<T> type) {
        try {
            return bind(tree, type);
        } catch (JsonReadException e) {
            throw new MalformedJsonException(type.getSimpleName(), e);
        }
    }

    private static <T> T bind(JsonValue tree, Class<T> type) throws JsonReadException {
        if (tree.isNull() && !JsonValue.class.isAssignableFrom(type)) return null;
        return JsonBinder.fromTree(tree, type);
    }

    public static final class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String what, IOException cause) {
            super("malformed " + what + ": " + firstLine(cause.getMessage()), cause);
        }

        private static String firstLine(String s) {
            if (s == null) return "unreadable";
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }
    }
}
