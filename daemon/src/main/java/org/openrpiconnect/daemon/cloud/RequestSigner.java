package org.openrpiconnect.daemon.cloud;

import java.util.Map;

/** Gives one device request its {@link org.openrpiconnect.protocol.device.RequestSignature} headers. */
public interface RequestSigner {
    Map<String, String> headers(String method, String pathAndQuery, byte[] body);
}
