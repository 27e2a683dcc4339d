package org.openrpiconnect.daemon.local;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.Version;
import org.openrpiconnect.protocol.json.JsonNumber;
import org.openrpiconnect.protocol.json.JsonObject;
import org.openrpiconnect.protocol.json.JsonString;
import org.openrpiconnect.protocol.json.JsonValue;
import org.openrpiconnect.protocol.local.LocalApi;
import org.openrpiconnect.protocol.local.LocalError;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.LocalResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one table from {@link LocalMethod} to handler. Turns a request line into a response: malformed or unknown
 * requests get {@link LocalErrorCode#BAD_REQUEST} / {@link LocalErrorCode#UNKNOWN_METHOD}, a handler's
 * {@link LocalApiException} its own error, anything unexpected {@link LocalErrorCode#INTERNAL} (and a log line).
 */
public final class LocalDispatcher {
    private static final Logger log = LoggerFactory.getLogger(LocalDispatcher.class);

    private final Map<LocalMethod, LocalHandler> handlers;

    public LocalDispatcher(Map<LocalMethod, LocalHandler> handlers) {
        this.handlers = new EnumMap<>(handlers);
    }

    public LocalReply dispatch(byte[] line) {
        JsonValue request;
        try {
            request = Json.read(line, JsonValue.class);
        } catch (Json.MalformedJsonException e) {
            return LocalReply.of(error(LocalErrorCode.BAD_REQUEST, "The request is not valid JSON ("
                    + e.getMessage() + "). Use rpi-connect to talk to rpi-connectd."));
        }
        if (!request.isObject()) {
            return LocalReply.of(error(LocalErrorCode.BAD_REQUEST,
                    "The request must be a JSON object like {\"v\":1,\"method\":\"status\"}."));
        }
        JsonValue v = request.get("v");
        if (!(v instanceof JsonNumber n && n.isInt() && n.intValue() == LocalApi.PROTOCOL_VERSION)) {
            return LocalReply.of(error(LocalErrorCode.BAD_REQUEST, "This rpi-connectd (" + Version.current()
                    + ") speaks local API version " + LocalApi.PROTOCOL_VERSION + ", the request "
                    + (v == null ? "named none" : "used " + v) + ". Use the rpi-connect that came with it."));
        }
        JsonValue methodName = request.get("method");
        LocalMethod method = methodName instanceof JsonString s ? LocalMethod.fromWire(s.value()) : null;
        LocalHandler handler = method == null ? null : handlers.get(method);
        if (handler == null) {
            return LocalReply.of(error(LocalErrorCode.UNKNOWN_METHOD, "Unknown method " + methodName
                    + "; this rpi-connectd (" + Version.current() + ") knows " + knownMethods() + "."));
        }
        JsonValue params = request.get("params");
        try {
            Object outcome = handler.handle(params == null || params.isNull() ? null : params);
            if (outcome instanceof LocalHandler.ThenRun then) {
                return new LocalReply(result(then.result()), then.action());
            }
            return LocalReply.of(result(outcome));
        } catch (LocalApiException e) {
            return LocalReply.of(error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            log.error("Internal error in {}: {}", method.wireName(), e.toString());
            log.debug("Internal error details", e);
            return LocalReply.of(error(LocalErrorCode.INTERNAL, "Internal error in rpi-connectd while handling "
                    + method.wireName() + " (" + e.getClass().getSimpleName() + "). Its log has the details: "
                    + "journalctl --user -u rpi-connect"));
        }
    }

    /** Reads a method's params into its type; missing or malformed params are the caller's mistake. */
    public static <T> T params(JsonValue params, Class<T> type) throws LocalApiException {
        if (params == null) {
            throw new LocalApiException(LocalErrorCode.BAD_REQUEST, "This request needs params (" + type.getSimpleName()
                    + ").");
        }
        try {
            return Json.read(params, type);
        } catch (Json.MalformedJsonException e) { // anything else is a bug here, answered as an internal error
            throw new LocalApiException(LocalErrorCode.BAD_REQUEST, "The params are not a valid "
                    + type.getSimpleName() + " (" + e.getCause().getMessage() + ").");
        }
    }

    public static LocalResponse error(LocalErrorCode code, String message) {
        return new LocalResponse(LocalApi.PROTOCOL_VERSION, Version.current(), null, new LocalError(code, message));
    }

    static LocalResponse result(Object result) {
        JsonValue node = result == null ? JsonObject.empty() : Json.tree(result);
        return new LocalResponse(LocalApi.PROTOCOL_VERSION, Version.current(), node, null);
    }

    private String knownMethods() {
        return Arrays.stream(LocalMethod.values()).filter(handlers::containsKey).map(LocalMethod::wireName)
                .collect(Collectors.joining(", "));
    }
}
