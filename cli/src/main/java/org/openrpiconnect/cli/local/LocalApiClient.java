package org.openrpiconnect.cli.local;

import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.json.JsonValue;
import org.openrpiconnect.protocol.local.LocalApi;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.LocalRequest;
import org.openrpiconnect.protocol.local.LocalResponse;

import java.nio.file.Path;
import java.time.Duration;

/** The CLI's side of the local API: one request, one typed result or a {@link DaemonErrorException}. */
public final class LocalApiClient {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Sign-in with a key and doctor wait for the cloud (and doctor for several probes of it). */
    static final Duration CLOUD_TIMEOUT = Duration.ofSeconds(120);

    private final LocalSocketTransport transport;
    private final VersionWarning versionWarning;

    public LocalApiClient(Path runtimeDir, VersionWarning versionWarning) {
        this.transport = new LocalSocketTransport(runtimeDir.resolve(LocalApi.SOCKET_NAME));
        this.versionWarning = versionWarning;
    }

    public Path socket() {
        return transport.socket();
    }

    /** Calls {@code method}; an error answer becomes a {@link DaemonErrorException} carrying the daemon's message. */
    public <T> T call(LocalMethod method, Object params, Class<T> resultType) {
        LocalResponse response = exchange(method, params, timeoutFor(method));
        if (!response.ok()) throw new DaemonErrorException(response.error());
        JsonValue result = response.result();
        if (result == null || result.isNull()) {
            throw new DaemonProtocolException(method.wireName() + " answered without a result");
        }
        try {
            return Json.read(result, resultType);
        } catch (Json.MalformedJsonException e) {
            throw new DaemonProtocolException(method.wireName() + " result: " + e.getMessage());
        }
    }

    /** True when a daemon answers STATUS (even with an error) within {@code timeout}. */
    public boolean isAnswering(Duration timeout) {
        try {
            exchange(LocalMethod.STATUS, null, timeout);
            return true;
        } catch (DaemonUnreachableException | DaemonProtocolException e) {
            return false;
        }
    }

    private LocalResponse exchange(LocalMethod method, Object params, Duration timeout) {
        String line = transport.exchange(() -> Json.write(LocalRequest.of(method, params)), timeout);
        LocalResponse response;
        try {
            response = Json.read(line, LocalResponse.class);
        } catch (Json.MalformedJsonException e) {
            throw new DaemonProtocolException(e.getMessage());
        }
        if (response == null) throw new DaemonProtocolException("an empty answer");
        versionWarning.check(response.daemonVersion());
        return response;
    }

    private static Duration timeoutFor(LocalMethod method) {
        return method == LocalMethod.SIGNIN || method == LocalMethod.DOCTOR ? CLOUD_TIMEOUT : DEFAULT_TIMEOUT;
    }
}
