package org.openrpiconnect.daemon.testing;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.LocalRequest;
import org.openrpiconnect.protocol.local.LocalResponse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A minimal local API client for tests: one line out, one line back. */
public final class LocalTestClient {
    private LocalTestClient() {}

    public static LocalResponse call(Path socket, LocalMethod method, Object params) throws IOException {
        return Json.read(exchange(socket, Json.write(LocalRequest.of(method, params)) + "\n"), LocalResponse.class);
    }

    public static <T> T result(Path socket, LocalMethod method, Object params, Class<T> type) throws IOException {
        LocalResponse r = call(socket, method, params);
        if (!r.ok()) throw new AssertionError(method + " failed: " + r.error());
        return Json.read(r.result(), type);
    }

    /** Sends raw bytes, returns the response line (null when the daemon closed without answering). */
    public static String exchange(Path socket, String raw) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) ch.write(out);
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8));
            return in.readLine();
        }
    }
}
