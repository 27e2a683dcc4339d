package org.openrpiconnect.protocol.local;

/**
 * The local API between {@code rpi-connect} (CLI) and {@code rpi-connectd} (daemon).
 *
 * <p>Transport: the Unix socket {@code $XDG_RUNTIME_DIR/rpi-connect.sock} (mode 0600; the daemon also checks the
 * caller's UID with SO_PEERCRED). One exchange per connection: the client writes one {@link LocalRequest} as a
 * single line of JSON, the daemon answers with one {@link LocalResponse} line and closes. Requests larger than
 * {@link #MAX_MESSAGE_BYTES} are refused with {@link LocalErrorCode#BAD_REQUEST}.
 */
public final class LocalApi {
    /** Bumped on an incompatible change of the request/response shapes. */
    public static final int PROTOCOL_VERSION = 1;
    public static final String SOCKET_NAME = "rpi-connect.sock";
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private LocalApi() {}
}
