package org.openrpiconnect.cloud.web.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.cloud.CloudJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fields of a Management API request body, from JSON ({@code Content-Type: application/json}) or a form (what
 * {@code curl --data-urlencode} sends), as seed 001 shows both. A list field is a JSON array, or the form's
 * {@code name[]} (or {@code name}) repeated.
 */
final class RequestFields {
    private final JsonNode json;
    private final Context form;

    private RequestFields(JsonNode json, Context form) {
        this.json = json;
        this.form = form;
    }

    static RequestFields of(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) return new RequestFields(null, ctx);
        String body = ctx.body();
        JsonNode root;
        try {
            root = body.isBlank() ? null : CloudJson.mapper().readTree(body);
        } catch (IOException e) {
            throw CloudError.badRequest("The request body is not valid JSON: send a JSON object such as"
                    + " {\"description\":\"my-auth-key\"}");
        }
        if (root == null || !root.isObject()) {
            throw CloudError.badRequest("The request body must be a JSON object such as"
                    + " {\"description\":\"my-auth-key\"}");
        }
        return new RequestFields(root, null);
    }

    /** Whether the field was sent at all (a JSON null counts as sent). */
    boolean has(String field) {
        if (json != null) return json.has(field);
        return form.formParamMap().containsKey(field);
    }

    /** The field's text; null when absent or JSON null. */
    String text(String field) {
        if (json == null) return form.formParam(field);
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isValueNode()) throw CloudError.validation(List.of(label(field) + " must be a string"));
        return n.asText();
    }

    /** The field's strings; null when absent or JSON null. */
    List<String> list(String field) {
        if (json == null) {
            if (!has(field + "[]") && !has(field)) return null;
            List<String> values = new ArrayList<>(form.formParams(field + "[]"));
            values.addAll(form.formParams(field));
            return values;
        }
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isArray()) throw CloudError.validation(List.of(label(field) + " must be a list of strings"));
        List<String> values = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isTextual()) throw CloudError.validation(List.of(label(field) + " must be a list of strings"));
            values.add(v.textValue());
        }
        return values;
    }

    /** The field as a whole number; null when absent; a 422 "... is not a number" otherwise. */
    Integer integer(String field) {
        if (json != null) {
            JsonNode n = json.get(field);
            if (n == null || n.isNull()) return null;
            if (n.isIntegralNumber()) return n.canConvertToInt() ? n.intValue() : Integer.MAX_VALUE;
            if (!n.isTextual()) throw notANumber(field);
            return parseInt(field, n.textValue());
        }
        return parseInt(field, form.formParam(field));
    }

    private static Integer parseInt(String field, String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw notANumber(field);
        }
    }

    private static CloudError notANumber(String field) {
        return CloudError.validation(List.of(label(field) + " is not a number"));
    }

    /** Rails-style attribute label: {@code ttl_days} -> "Ttl days". */
    static String label(String field) {
        String s = field.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
