package org.openrpiconnect.cloud.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.openrpiconnect.cloud.CloudJson;

import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON responses through the cloud's codec ({@link CloudJson}), with the content type the Management API documents. */
public final class JsonReplies {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private JsonReplies() {}

    public static void reply(Context ctx, HttpStatus status, Object body) {
        byte[] bytes;
        try {
            bytes = CloudJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ctx.status(status).contentType(CONTENT_TYPE).result(bytes);
        // Jetty rewrites known content types to its canonical "application/json;charset=utf-8"; the documented
        // header has a space, so the raw field is set again, as written.
        if (ctx.res() instanceof org.eclipse.jetty.server.Response jetty) {
            jetty.getHttpFields().put("Content-Type", CONTENT_TYPE);
        }
        if (isWebSocketUpgrade(ctx)) writeNow(ctx, bytes);
    }

    /** Javalin does not write the result of a refused WebSocket upgrade itself, so the body is written here. */
    private static void writeNow(Context ctx, byte[] bytes) {
        try {
            ctx.res().setContentLength(bytes.length);
            ctx.res().getOutputStream().write(bytes);
            ctx.res().flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isWebSocketUpgrade(Context ctx) {
        String upgrade = ctx.header("Upgrade");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }
}
