package org.openrpiconnect.e2e.harness;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeviceError;

/** Status and body of one HTTP exchange. */
public record HttpResult(int status, String body) {

    public <T> T as(Class<T> type) {
        return Json.read(body, type);
    }

    /** The device API's error body, {@code {"code":...,"message":...}}. */
    public DeviceError error() {
        return as(DeviceError.class);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + body;
    }
}
