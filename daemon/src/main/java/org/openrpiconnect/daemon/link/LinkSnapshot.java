package org.openrpiconnect.daemon.link;

/** The link as status shows it, taken at one moment. */
public record LinkSnapshot(boolean signedIn, boolean subscribed, String deviceId, String deviceName,
                           String signinPendingUrl) {}
