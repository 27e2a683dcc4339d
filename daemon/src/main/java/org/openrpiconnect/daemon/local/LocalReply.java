package org.openrpiconnect.daemon.local;

import org.openrpiconnect.protocol.local.LocalResponse;

/** The response to send, and what to do after sending it (never null; a no-op mostly). */
public record LocalReply(LocalResponse response, Runnable afterReply) {
    public static LocalReply of(LocalResponse response) {
        return new LocalReply(response, () -> {});
    }
}
