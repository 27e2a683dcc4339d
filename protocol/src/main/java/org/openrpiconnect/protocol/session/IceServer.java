package org.openrpiconnect.protocol.session;

import org.openrpiconnect.protocol.json.OmitNulls;

import java.util.List;

/**
 * A STUN or TURN server as WebRTC's {@code RTCIceServer} names it: {@code urls} like {@code stun:host:3478} or
 * {@code turn:host:3478?transport=udp}; for TURN a time-limited {@code username} ({@code <expiry unix
 * seconds>:<id>}) and {@code credential} (Base64 of HMAC-SHA1(shared secret, username)), coturn's
 * {@code use-auth-secret} scheme.
 */
public record IceServer(List<String> urls, String username, String credential) implements OmitNulls {
    public static IceServer stun(String url) {
        return new IceServer(List.of(url), null, null);
    }

    /** For logs: never the credential. */
    @Override
    public String toString() {
        return "IceServer[urls=" + urls + (credential == null ? "" : ", with credential") + "]";
    }
}
