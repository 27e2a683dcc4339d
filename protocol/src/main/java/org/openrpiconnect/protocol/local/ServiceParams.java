package org.openrpiconnect.protocol.local;

/** {@code service} is {@code "vnc"} (screen sharing) or {@code "shell"} (remote shell). */
public record ServiceParams(String service, boolean allowed) {
    public static final String VNC = "vnc";
    public static final String SHELL = "shell";
}
