package org.openrpiconnect.cloud.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.service.CloudError;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceError;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Turns every exception into a response: the status from {@link ErrorStatus}, the body in the shape of the
 * {@link Surface} (DeviceError, {"message"}, or an error page). Unexpected failures are logged once, with their stack
 * trace, and answered with a generic 500 that leaks nothing.
 */
public final class ErrorHandling {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {}

    public static void register(Javalin app) {
        app.exception(CloudError.class, (e, ctx) -> reply(ctx, ErrorStatus.of(e.kind()), e.deviceCode(),
                e.getMessage()));
        app.exception(Json.MalformedJsonException.class, (e, ctx) -> reply(ctx, HttpStatus.BAD_REQUEST,
                DeviceErrorCode.BAD_REQUEST, "The request body is not valid JSON (" + e.getMessage()
                        + "): send a JSON object"));
        // Javalin's own refusals (e.g. a body over the size limit) keep their status, in this surface's shape
        app.exception(HttpResponseException.class, (e, ctx) -> {
            HttpStatus status = HttpStatus.forStatus(e.getStatus());
            String message = status == HttpStatus.NOT_FOUND
                    ? "There is nothing at " + ctx.path() + ": check the address" : e.getMessage();
            reply(ctx, status, status.getCode() >= 500 ? DeviceErrorCode.INTERNAL : DeviceErrorCode.BAD_REQUEST,
                    message);
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            reply(ctx, HttpStatus.INTERNAL_SERVER_ERROR, DeviceErrorCode.INTERNAL,
                    "Something went wrong in the cloud: try again in a moment, and see the server log if it"
                            + " persists");
        });
    }

    public static void reply(Context ctx, HttpStatus status, DeviceErrorCode code, String message) {
        switch (Surface.of(ctx)) {
            case DEVICE_API -> JsonReplies.reply(ctx, status, new DeviceError(code, message));
            case MANAGEMENT_API -> JsonReplies.reply(ctx, status, Map.of("message", message));
            case PAGES -> {
                ctx.status(status);
                try {
                    ctx.render("error.peb", Map.of("status", status.getCode(), "title", status.getMessage(),
                            "message", message));
                } catch (RuntimeException e) {
                    // never let a broken error page send the request back through this handler
                    LOG.error("the error page could not be rendered", e);
                    ctx.contentType("text/plain; charset=utf-8").result(status.getMessage() + ": " + message);
                }
            }
        }
    }
}
