package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.web.JsonReplies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /organisation/openapi.json}: the OpenAPI 3 description of the Management API (resource
 * {@value #RESOURCE}), served without a token. A test checks it against the routes this server registers.
 */
final class OpenApiDocument {
    static final String PATH = ManagementRoutes.PREFIX + "/openapi.json";
    static final String RESOURCE = "/openapi/management-api.json";
    private static final byte[] DOCUMENT = load();

    private OpenApiDocument() {}

    static void serve(Context ctx) {
        ctx.status(HttpStatus.OK).contentType(JsonReplies.CONTENT_TYPE).result(DOCUMENT);
    }

    private static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the cloud's jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
