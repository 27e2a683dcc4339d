package org.openrpiconnect.cloud.web.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.openrpiconnect.cloud.service.AuthKeyRequest;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.protocol.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a "create an auth key" request from a JSON body or a form body ({@code description}, {@code ttl_days},
 * {@code device_name}, {@code tags[]} repeated), as seed 001 shows both.
 */
final class AuthKeyRequestParser {
    private AuthKeyRequestParser() {}

    static AuthKeyRequest parse(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        return contentType.startsWith("application/json") ? fromJson(ctx.body()) : fromForm(ctx);
    }

    private static AuthKeyRequest fromForm(Context ctx) {
        List<String> tags = new ArrayList<>(ctx.formParams("tags[]"));
        tags.addAll(ctx.formParams("tags"));
        return new AuthKeyRequest(ctx.formParam("description"), ttlDays(ctx.formParam("ttl_days")),
                ctx.formParam("device_name"), tags);
    }

    private static AuthKeyRequest fromJson(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            throw CloudError.badRequest("The request body is not valid JSON: send a JSON object such as"
                    + " {\"description\":\"my-auth-key\",\"ttl_days\":1}");
        }
        if (root == null || !root.isObject()) {
            throw CloudError.badRequest("The request body must be a JSON object such as"
                    + " {\"description\":\"my-auth-key\",\"ttl_days\":1}");
        }
        JsonNode ttl = root.get("ttl_days");
        Integer ttlDays;
        if (ttl == null || ttl.isNull()) ttlDays = null;
        else if (ttl.isIntegralNumber()) ttlDays = ttl.canConvertToInt() ? ttl.intValue() : Integer.MAX_VALUE;
        else if (ttl.isTextual()) ttlDays = ttlDays(ttl.textValue());
        else throw notANumber();
        return new AuthKeyRequest(text(root, "description"), ttlDays, text(root, "device_name"), tags(root));
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isValueNode()) {
            throw CloudError.validation(List.of(label(field) + " must be a string"));
        }
        return n.asText();
    }

    private static List<String> tags(JsonNode root) {
        JsonNode n = root.get("tags");
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray()) throw CloudError.validation(List.of("Tags must be a list of strings"));
        List<String> tags = new ArrayList<>();
        for (JsonNode t : n) {
            if (!t.isTextual()) throw CloudError.validation(List.of("Tags must be a list of strings"));
            tags.add(t.textValue());
        }
        return tags;
    }

    private static Integer ttlDays(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw notANumber();
        }
    }

    private static CloudError notANumber() {
        return CloudError.validation(List.of("Ttl days is not a number"));
    }

    private static String label(String field) {
        String s = field.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
