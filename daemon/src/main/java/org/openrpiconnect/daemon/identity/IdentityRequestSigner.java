package org.openrpiconnect.daemon.identity;

import org.openrpiconnect.daemon.cloud.RequestSigner;
import org.openrpiconnect.protocol.device.RequestSignature;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs the identity sign-in request with the identity's key: the {@link RequestSignature} headers and canonical
 * string, without a device id (the device has none yet). A signer failure comes out as {@link Failed}, unchecked
 * so that it can cross the cloud client; {@link #call} turns it back into the {@link IdentityException}.
 */
public final class IdentityRequestSigner implements RequestSigner {
    private final IdentitySigner identity;
    private final String serial;
    private final Clock clock;

    public IdentityRequestSigner(IdentitySigner identity, String serial, Clock clock) {
        this.identity = identity;
        this.serial = serial;
        this.clock = clock;
    }

    @Override
    public Map<String, String> headers(String method, String pathAndQuery, byte[] body) {
        long now = clock.instant().getEpochSecond();
        String canonical = RequestSignature.canonical(method, pathAndQuery, now, serial, null, body);
        Map<String, String> h = new LinkedHashMap<>();
        h.put(RequestSignature.SERIAL, serial);
        h.put(RequestSignature.TIMESTAMP, Long.toString(now));
        try {
            h.put(RequestSignature.SIGNATURE, identity.sign(canonical));
        } catch (IdentityException e) {
            throw new Failed(e);
        }
        return h;
    }

    /** A request made with this signer, whose signing failure is rethrown as the checked exception it was. */
    @FunctionalInterface
    public interface Request<T, E extends Exception> {
        T send(IdentityRequestSigner signer) throws E;
    }

    public <T, E extends Exception> T call(Request<T, E> request) throws E, IdentityException {
        try {
            return request.send(this);
        } catch (Failed f) {
            throw f.cause;
        }
    }

    private static final class Failed extends RuntimeException {
        private final IdentityException cause;

        Failed(IdentityException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    @Override
    public String toString() {
        return "IdentityRequestSigner[" + identity.description() + "]";
    }
}
