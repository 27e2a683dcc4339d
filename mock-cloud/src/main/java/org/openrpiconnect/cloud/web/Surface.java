package org.openrpiconnect.cloud.web;

import io.javalin.http.Context;

/** Which kind of client a request comes from, which decides the shape of an error body. */
public enum Surface {
    /** {@code /api/...}: devices; errors are DeviceError {code, message}. */
    DEVICE_API,
    /** {@code /organisation/...}: the Management API; errors are {message}. */
    MANAGEMENT_API,
    /** everything else: browser pages; errors are a page. */
    PAGES;

    public static Surface of(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/")) return DEVICE_API;
        if (path.equals("/organisation") || path.startsWith("/organisation/")) return MANAGEMENT_API;
        return PAGES;
    }
}
