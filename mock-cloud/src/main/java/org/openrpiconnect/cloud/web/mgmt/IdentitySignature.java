package org.openrpiconnect.cloud.web.mgmt;

import io.javalin.http.Context;
import org.openrpiconnect.cloud.PublicUrl;
import org.openrpiconnect.cloud.service.DeviceIdentities;
import org.openrpiconnect.protocol.device.RequestSignature;

import java.security.PublicKey;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Checks the {@code X-Connect-Identity-Signature} header of "create a device identity" (seed 001): Base64 of an
 * ECDSA P-256 / SHA-256 signature (DER, as {@code rpi-fw-crypto sign --alg ec} writes it) by the device's private
 * key over the newline-separated payload
 * <pre>
 * METHOD
 * full request URL
 * Authorization: value
 * Content-Type: value
 * Accept: value          (only when the client sent one)
 * SHA-256 hex of the body
 * </pre>
 * The "full request URL" is the one the client used: as this server saw it (Host header), or under the cloud's
 * public URL when a proxy rewrote the host. A payload file written with a final newline is accepted too.
 */
final class IdentitySignature {
    static final String HEADER = "X-Connect-Identity-Signature";

    private IdentitySignature() {}

    static DeviceIdentities.Proof check(Context ctx, PublicKey key, PublicUrl publicUrl) {
        String signature = ctx.header(HEADER);
        if (signature == null || signature.isBlank()) return DeviceIdentities.Proof.MISSING;
        String b64 = signature.replaceAll("\\s", "");
        for (String url : urls(ctx, publicUrl)) {
            String payload = payload(ctx, url);
            if (RequestSignature.verify(key, payload, b64) || RequestSignature.verify(key, payload + "\n", b64)) {
                return DeviceIdentities.Proof.GOOD;
            }
        }
        return DeviceIdentities.Proof.BAD;
    }

    static String payload(Context ctx, String url) {
        StringBuilder p = new StringBuilder();
        p.append(ctx.req().getMethod()).append('\n');
        p.append(url).append('\n');
        p.append("Authorization: ").append(orEmpty(ctx.header("Authorization"))).append('\n');
        p.append("Content-Type: ").append(orEmpty(ctx.header("Content-Type"))).append('\n');
        String accept = ctx.header("Accept");
        if (accept != null) p.append("Accept: ").append(accept).append('\n');
        p.append(RequestSignature.sha256Hex(ctx.bodyAsBytes()));
        return p.toString();
    }

    private static Set<String> urls(Context ctx, PublicUrl publicUrl) {
        String query = ctx.queryString();
        String pathAndQuery = ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        Set<String> urls = new LinkedHashSet<>();
        urls.add(ctx.fullUrl());
        if (publicUrl.get() != null) urls.add(publicUrl.get() + pathAndQuery);
        return urls;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
