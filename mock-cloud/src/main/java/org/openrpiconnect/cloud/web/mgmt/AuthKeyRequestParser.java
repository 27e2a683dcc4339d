package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.http.Context;
import org.openrpiconnect.cloud.service.AuthKeyRequest;

/**
 * Reads a "create an auth key" request ({@code description}, {@code ttl_days}, {@code device_name},
 * {@code tags[]} repeated / {@code tags} array) from a JSON or form body.
 */
final class AuthKeyRequestParser {
    private AuthKeyRequestParser() {}

    static AuthKeyRequest parse(Context ctx) {
        RequestFields f = RequestFields.of(ctx);
        return new AuthKeyRequest(f.text("description"), f.integer("ttl_days"), f.text("device_name"),
                f.list("tags"));
    }
}
