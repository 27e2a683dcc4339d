package org.openrpiconnect.cloud.web;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The country a request came from, for the audit log: an ISO 3166-1 alpha-2 code or null, never the address
 * itself. Loopback and private addresses have no country. For public addresses a {@link Lookup} is asked; the cloud
 * ships none (no GeoIP database), so by default the country is unknown (null).
 */
public final class ClientCountry {
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

    /** Maps a public address to a country code (e.g. from a GeoIP database an operator provides). */
    @FunctionalInterface
    public interface Lookup {
        Optional<String> countryOf(InetAddress address);
    }

    public static final Lookup NONE = address -> Optional.empty();

    private final Lookup lookup;

    public ClientCountry(Lookup lookup) {
        this.lookup = lookup;
    }

    public String of(Context ctx) {
        InetAddress address;
        try {
            address = InetAddress.getByName(ctx.req().getRemoteAddr());
        } catch (UnknownHostException e) {
            return null;
        }
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()) {
            return null;
        }
        return lookup.countryOf(address).map(c -> c.toUpperCase(Locale.ROOT))
                .filter(c -> CODE.matcher(c).matches()).orElse(null);
    }
}
