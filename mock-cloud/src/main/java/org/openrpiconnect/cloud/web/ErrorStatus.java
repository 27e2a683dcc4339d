package org.openrpiconnect.cloud.web;

import io.javalin.http.HttpStatus;
import org.openrpiconnect.cloud.service.CloudError;

/** The one map from error kinds to HTTP statuses, used by the device API, the Management API and the pages. */
public final class ErrorStatus {
    private ErrorStatus() {}

    public static HttpStatus of(CloudError.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case VALIDATION -> HttpStatus.UNPROCESSABLE_CONTENT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }
}
